/**
 * Reading a word in its sentence: the words around it, where sentences and clauses end, and
 * what its spelling there says (capitalised in mid-sentence: a noun or a name; lower case:
 * not a noun; first in the sentence: either).
 */
import { withoutReadingDots } from '../../../shared/words'
import { eachWord } from '../search/analyzer'

export interface Token {
  /** The word as it is spelt: Leichte Sprache's middle dots left out (Rat·haus: Rathaus). */
  raw: string
  key: string
  /** Where the word stands in the text, as written there. */
  start: number
  end: number
  /** Written with a capital letter. */
  capital: boolean
  /** The first word of a sentence (or of a quotation after a colon). */
  initial: boolean
  /** The text between the previous word and this one. */
  gap: string
}

/** What the spelling in its place says about a word. */
export type Role = 'noun' | 'lower' | 'initial'

export const DETERMINERS = new Set(
  `der die das den dem des ein eine einer einem einen eines kein keine keiner keinem keinen
  keines dieser diese dieses diesem diesen jener jene jenes jenem jenen jeder jede jedes jedem
  jeden mein meine meinem meinen meiner meines dein deine sein seine seinem seinen seiner
  seines ihr ihre ihrem ihren ihrer ihres unser unsere unserem unseren unserer euer eure
  welcher welche welches viele vielen wenige wenigen alle allen beide beiden zwei drei vier
  am im vom zum zur beim ins`.split(/\s+/),
)

/**
 * Words of closed classes that begin sentences ("Auch Frank-Walter Steinmeier …"): never part
 * of a name, even where a small glossary does not know them.
 */
export const FUNCTION_WORDS = new Set(
  `aber abends allerdings also am an auch auf aus außerdem bei bereits bis bisher damals damit
  dann danach darauf daher dabei dadurch dafür dagegen damit dass davor dennoch deshalb deswegen
  doch dort durch ebenfalls ebenso eben einst erst etwa falls für gegen gerade gestern heute
  hier hingegen im immer in indes inzwischen ja jedoch jetzt kaum laut mit morgen nach nachdem
  neben nicht noch nun nur ob obwohl oder ohne schließlich schon seit seitdem so sogar sonst
  später statt trotz trotzdem um und unter vielmehr von vor während warum was weder weil wenn
  wer wie wieder wo zudem zugleich zuletzt zum zur zunächst zwar zwischen ich du er sie es wir
  ihr man sie wer was januar februar märz april mai juni juli august september oktober november
  dezember montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag`.split(/\s+/),
)

/** Personal pronouns: "Klagen Sie …", "Gaben sie …" put the verb first. */
export const PRONOUNS = new Set(['ich', 'du', 'er', 'sie', 'es', 'wir', 'ihr', 'man'])

/** Words that open a subordinate or relative clause after a comma. */
export const SUBORDINATORS = new Set(
  `dass daß ob weil wenn als wie nachdem während bevor ehe bis damit sodass obwohl obgleich
  falls sofern seit seitdem indem ohne um statt anstatt sobald solange sowie der die das dem
  den deren dessen denen welcher welche welches welchem welchen wo woran worauf wodurch womit
  wovon wozu was wer wem wen`.split(/\s+/),
)

/** Conjunctions that join two main clauses or two parts of one. */
export const COORDINATORS = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'doch', 'sowie'])

/** Forms of haben, sein and werden: with one in its clause, a participle is a verb's. */
export const AUXILIARIES = new Set(
  `habe hast hat haben habt hatte hattest hatten hattet hätte hättest hätten hättet bin bist
  ist sind seid war warst waren wart sei seiest seien wäre wärst wären gewesen werde wirst
  wird werden werdet wurde wurdest wurden wurdet würde würdest würden würdet worden`.split(/\s+/),
)
export const SEIN = new Set(
  'bin bist ist sind seid war warst waren wart sei seiest seien wäre wärst wären'.split(' '),
)

const SENTENCE_END = /[.!?;:…]/
const SEGMENT_END = /[,–—()[\]]|\s-\s/

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  eachWord(text, (written, start, end) => {
    const raw = withoutReadingDots(written)
    const gap = text.slice(last, start)
    const first = raw.charAt(0)
    const previous = tokens[tokens.length - 1]
    tokens.push({
      raw,
      key: raw.normalize('NFC').toLowerCase(),
      start,
      end,
      capital: first !== first.toLowerCase(),
      // a sentence starts at the text's start, after . ! ? : and after a line break; not
      // after a number's dot ("am 3. Mai")
      initial:
        !previous ||
        gap.includes('\n') ||
        (SENTENCE_END.test(gap) && !(/^\d+$/.test(previous.raw) && gap.startsWith('.'))),
      gap,
    })
    last = end
  })
  return tokens
}

/** The token that starts at `offset` (or contains it), or -1. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const t = tokens[mid]!
    if (offset < t.start) hi = mid - 1
    else if (offset >= t.end) lo = mid + 1
    else return mid
  }
  return -1
}

export function roleOf(token: Token): Role {
  if (!token.capital) return 'lower'
  return token.initial ? 'initial' : 'noun'
}

/** Whether a sentence ends between token i-1 and token i. */
export function sentenceBreak(tokens: Token[], i: number): boolean {
  return i <= 0 || i >= tokens.length || tokens[i]!.initial
}

/** Whether a comma, dash or bracket stands between token i-1 and token i. */
export function segmentBreak(tokens: Token[], i: number): boolean {
  return sentenceBreak(tokens, i) || SEGMENT_END.test(tokens[i]!.gap)
}

/** The sentence around token i: [from, to], inclusive. */
export function sentenceOf(tokens: Token[], i: number): [number, number] {
  let from = i
  while (!sentenceBreak(tokens, from)) from--
  let to = i
  while (!sentenceBreak(tokens, to + 1)) to++
  return [from, to]
}

/**
 * Whether the clause around token i has a form of haben, sein or werden: then a participle
 * there is a verb form ("hat … abgelehnt"), not an adjective. "sein" only counts as such when
 * the word is not also an adjective (the caller decides: "war überfüllt").
 */
export function auxiliaryIn(tokens: Token[], i: number): 'haben' | 'sein' | null {
  const [from, to] = sentenceOf(tokens, i)
  let found: 'haben' | 'sein' | null = null
  for (let k = from; k <= to; k++) {
    const key = tokens[k]!.key
    if (!AUXILIARIES.has(key)) continue
    if (!SEIN.has(key)) return 'haben'
    found = 'sein'
  }
  return found
}

/** Whether "sich" stands in the sentence of token i (a reflexive verb's sense). */
export function reflexiveIn(tokens: Token[], i: number): boolean {
  const [from, to] = sentenceOf(tokens, i)
  for (let k = from; k <= to; k++) if (tokens[k]!.key === 'sich') return true
  return false
}

/**
 * The words of token i's clause as far as commas go ("die Menschenrechte zu achten"), lower
 * case, with a space before and after each: for the prepositions a verb governs.
 */
export function clauseWords(tokens: Token[], i: number): string {
  let from = i
  while (!segmentBreak(tokens, from)) from--
  let words = ' '
  for (let k = from; k < tokens.length && (k === from || !segmentBreak(tokens, k)); k++)
    words += `${tokens[k]!.key} `
  return words
}

/**
 * Where a word stands in a sentence the user typed (`lesesaal gloss WORD --in SENTENCE`): the
 * first whole-word occurrence as written, else ignoring case; null when it does not occur.
 */
export function placeWord(word: string, sentence: string): { text: string; offset: number } | null {
  const tokens = tokenize(sentence)
  const hit = tokens.find((t) => t.raw === word) ?? tokens.find((t) => t.key === word.toLowerCase())
  return hit ? { text: sentence, offset: hit.start } : null
}
