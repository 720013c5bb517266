/**
 * What a sentence of German news says, as features for cross-outlet alignment: content-word
 * stems from the search analyzer (folding, Snowball, stopwords), compound parts
 * (Atomwaffenprogramm ~ Atomprogramm), numbers (4000, 4.000 and "viertausend" meet; zwei = 2),
 * dates (weekdays, months, "28. Februar") and names. Each feature has a class that scales its
 * weight; rarity (IDF over the aligned sentences) comes later.
 */
import { tokenize } from '../search/analyzer'

export type FeatureClass = 'word' | 'lower' | 'part' | 'number' | 'date' | 'name' | 'weak'

/** How much a feature of each class counts before rarity. */
export const CLASS_WEIGHT: Record<FeatureClass, number> = {
  word: 1,
  // verbs, adjectives, adverbs: German capitalises nouns, and nouns carry the facts
  lower: 0.6,
  part: 0.7,
  number: 1.6,
  date: 1.4,
  name: 1.3,
  weak: 0.3,
}

export interface SentenceFeatures {
  /** Feature -> class (a feature counts once per sentence). */
  features: Map<string, FeatureClass>
}

/** Splits compounds into the stems of their parts (the lexicon's splitter, when there is one). */
export type CompoundSplitter = (word: string) => string[] | null

const NUMBER_WORDS: Record<string, number> = {
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwanzig: 20,
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  hundert: 100,
  tausend: 1000,
  dutzend: 12,
}

const WEEKDAYS = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag']
const MONTHS = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
]

/** Stems that say who reported, not what happened: they count little. */
const WEAK = new Set([
  'sagt',
  'sagte',
  'erklart',
  'berichtet',
  'teilt',
  'mit',
  'angab',
  'zufolg',
  'laut',
  'heisst',
  'hiess',
  'meldet',
  'betont',
  'erzahlt',
  'sprech',
  'sprach',
  'spricht',
  'sei',
  'seien',
  'beim',
  'nach',
  'wurd',
  'word',
  'gibt',
  'gab',
  'steht',
  'sich',
  'jetzt',
  'heut',
])

// nouns, not names, mostly end like this
const NOUN_ENDING = /(ung|heit|keit|schaft|tion|tät|ismus|nis|ment|chen|lein|ling|ur|ie|ik|eit)$/

/**
 * Whether a token is (part of) a name. German capitalises every noun, so capitals alone say
 * little: a name here is an abbreviation in capitals (NATO), a word with letters German does
 * not use (Rødby), or a capitalised word right after another capitalised word in mid-sentence
 * (Minister Jonas Albrecht, Kapitän Hauke Petersen).
 */
function isName(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  i: number,
  raw: string,
): boolean {
  const first = raw.charAt(0)
  if (first === first.toLowerCase()) return false
  if (raw.length <= 6 && raw.length >= 2 && raw === raw.toUpperCase() && !/\d/.test(raw))
    return true
  if (/[^a-zäöüßA-ZÄÖÜ0-9-]/u.test(raw)) return true
  if (i < 2 || NOUN_ENDING.test(raw.toLowerCase())) return false
  const before = tokens[i - 1]!
  if (before.stop || before.end + 1 !== tokens[i]!.start || text.charAt(before.end) !== ' ')
    return false
  const c = text.charAt(before.start)
  return c !== c.toLowerCase()
}

const WEEKDAY_START = new Set(WEEKDAYS.map((d) => d.slice(0, 2)))
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m, i + 1]))

/** Numbers in a sentence, normalised: 4.000 and 4000 -> 4000, 1,2 -> 1.2. */
function numbersOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    let n = m[0]
    // thousands separated by stops: 1.250.000, 4.000
    if (/^\d{1,3}(?:\.\d{3})+$/.test(n)) n = n.replace(/\./g, '')
    else n = n.replace(',', '.')
    out.push(n)
  }
  return out
}

/**
 * The features of one sentence. `split`, when given, splits compounds into part stems;
 * `vocabulary` (the stems of every aligned sentence) finds heads and modifiers of compounds
 * that the splitter does not know.
 */
export function sentenceFeatures(
  text: string,
  options: PartOptions = {},
  tokens: ReturnType<typeof tokenize> = tokenize(text),
): SentenceFeatures {
  const features = new Map<string, FeatureClass>()
  const add = (f: string, c: FeatureClass) => {
    const had = features.get(f)
    if (!had || CLASS_WEIGHT[c] > CLASS_WEIGHT[had]) features.set(f, c)
  }
  const hasDigit = /\d/.test(text)
  if (hasDigit) {
    for (const n of numbersOf(text)) add(`#${n}`, 'number')
    // a day with its month: "28. Februar" -> @28.2
    for (const m of text.matchAll(/(\d{1,2})\.\s*(\p{L}+)/gu)) {
      const month = MONTH_NUMBER.get(m[2]!.toLowerCase())
      if (month) add(`@${Number(m[1])}.${month}`, 'date')
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const raw = text.slice(t.start, t.end)
    const c = raw.charCodeAt(0)
    if (c >= 48 && c <= 57) continue
    const lower = raw.toLowerCase()
    const number = NUMBER_WORDS[lower]
    if (number !== undefined) {
      add(`#${number}`, 'number')
      continue
    }
    // weekdays and months, also inside compounds (Dienstagnachmittag, Märzhälfte)
    if (lower.length >= 6 && WEEKDAY_START.has(lower.slice(0, 2))) {
      const day = WEEKDAYS.find((d) => lower.startsWith(d))
      if (day) add(`@${day}`, 'date')
    }
    const month = MONTH_NUMBER.get(lower)
    if (month) add(`@m${month}`, 'date')
    if (t.stop || t.key.length < 2) continue
    if (WEAK.has(t.key)) {
      add(t.key, 'weak')
      continue
    }
    const lowerStart = raw.charAt(0) !== raw.charAt(0).toUpperCase()
    add(t.key, isName(text, tokens, i, raw) ? 'name' : i > 0 && lowerStart ? 'lower' : 'word')
    // a participle meets its verb and its nouns: gerettet ~ Seenotretter
    const participle = participleStem(t.key)
    if (participle) add(participle, 'part')
    if (t.parts) {
      for (const p of t.parts) if (p.length >= 3 && p !== t.key) add(p, 'part')
    } else if (t.key.length >= 8) {
      let parts = options.partsCache?.get(t.key)
      if (!parts) {
        parts = compoundParts(raw, t.key, options)
        options.partsCache?.set(t.key, parts)
      }
      for (const p of parts) if (p !== t.key) add(p, 'part')
    }
  }
  return { features }
}

export interface PartOptions {
  split?: CompoundSplitter
  /** Stems of every aligned sentence. */
  vocabulary?: Set<string>
  /** Heads and modifiers that two compounds of the vocabulary share (see sharedParts). */
  shared?: { heads: Set<string>; modifiers: Set<string> }
  /** Parts found so far, by stem (a story repeats its compounds). */
  partsCache?: Map<string, string[]>
}

/**
 * Heads and modifiers shared by two long stems of the vocabulary, where neither occurs alone:
 * Atomwaffenprogramm and Atomprogramm share "programm" and "atom".
 */
export function sharedParts(vocabulary: Set<string>): {
  heads: Set<string>
  modifiers: Set<string>
} {
  const tails = new Map<string, number>()
  const fronts = new Map<string, number>()
  for (const k of vocabulary) {
    if (k.length < 8) continue
    for (let i = 3; i <= k.length - 5; i++) tails.set(k.slice(i), (tails.get(k.slice(i)) ?? 0) + 1)
    for (let j = 4; j <= k.length - 3; j++)
      fronts.set(k.slice(0, j), (fronts.get(k.slice(0, j)) ?? 0) + 1)
  }
  const keep = (m: Map<string, number>) => new Set([...m].filter(([, n]) => n >= 2).map(([x]) => x))
  return { heads: keep(tails), modifiers: keep(fronts) }
}

/** Part stems of an unhyphenated compound: the splitter's, and heads and modifiers in the vocabulary. */
function compoundParts(raw: string, key: string, options: PartOptions): string[] {
  const parts = new Set<string>()
  for (const p of options.split?.(raw) ?? []) if (p.length >= 3) parts.add(p)
  const shared = options.shared
  if (shared) {
    for (let i = 3; i <= key.length - 5; i++)
      if (shared.heads.has(key.slice(i))) {
        parts.add(`~${key.slice(i)}`)
        break
      }
    for (let j = key.length - 3; j >= 4; j--)
      if (shared.modifiers.has(key.slice(0, j))) {
        parts.add(`${key.slice(0, j)}~`)
        break
      }
  }
  const vocabulary = options.vocabulary
  if (vocabulary) {
    // the longest head: a stem the key ends with, after at least three letters
    for (let i = 3; i <= key.length - 4; i++) {
      const tail = key.slice(i)
      if (vocabulary.has(tail)) {
        parts.add(tail)
        break
      }
    }
    // the longest modifier: a stem the key starts with (with a linking -s-, -n-, -en-, -es-)
    for (let j = key.length - 4; j >= 3; j--) {
      const head = key.slice(0, j)
      if (vocabulary.has(head)) {
        parts.add(head)
        break
      }
      const link = /(?:es|en|s|n)$/.exec(head)
      if (link && vocabulary.has(head.slice(0, -link[0].length))) {
        parts.add(head.slice(0, -link[0].length))
        break
      }
    }
  }
  return [...parts]
}

/** The stem without the participle's ge- (gerett -> rett), or null. */
function participleStem(key: string): string | null {
  if (key.length < 6 || !key.startsWith('ge')) return null
  if (
    /^ge(?:gen|setz|biet|fahr|meind|richt|schicht|sprach|werk|wicht|halt|winn|schaft|baud)/.test(
      key,
    )
  )
    return null
  return key.slice(2).replace(/e?t$/, '')
}

/** The stems of a text's content words (the vocabulary compound parts are looked up in). */
export function stemsOf(
  text: string,
  tokens: ReturnType<typeof tokenize> = tokenize(text),
): string[] {
  const out: string[] = []
  for (const t of tokens) {
    if (t.stop || t.key.length < 3) continue
    out.push(t.key)
    const participle = participleStem(t.key)
    if (participle) out.push(participle)
  }
  return out
}
