/**
 * The Ding dictionary format (TU Chemnitz; Debian's trans-de-en): one line per entry,
 * `deutsch :: english`; sub-entries separated by " | " on both sides, in the same order;
 * synonyms by "; "; grammar in braces ({m} {f} {n} {pl} {vt} {vi} {vr} {adj} …), subject
 * areas in brackets ([pol.]), notes in parentheses, alternative spellings in <angle brackets>.
 *
 * This parses untrusted text: every line is validated and a malformed one is counted and
 * skipped, never fatal.
 */
import { PARTICLES } from './particles'

export type Gender = 'm' | 'f' | 'n' | 'pl'
export type PartOfSpeech =
  'noun' | 'verb' | 'adj' | 'adv' | 'prep' | 'conj' | 'num' | 'phrase' | 'other'

/**
 * Labels of a word's use (old, rare, regional, colloquial, elevated, figurative …): they
 * follow the one synonym they describe ("Miete {f}; Mietzins {m} [Süddt.]"), where a subject
 * area ([pol.], [agr.]) describes the whole line.
 */
export const USAGE_LABELS = new Set(
  `veraltet veraltend alt obs. archaic selten rare ugs. coll. slang vulg. pej. poet. geh.
  humor. Ös. Schw. Süddt. Norddt. Bayr. BW ostdt. Westdt. Mitteldt. regional dialect übtr. fig.
  Jugendsprache euphem. lit. hist.`.split(/\s+/),
)

/** One German word or phrase of a line, with what its markers say. */
export interface DingWord {
  text: string
  gender: Gender | null
  pos: PartOfSpeech
  domains: string[]
}

/** A dictionary entry read from a line. */
export interface DingEntry {
  lemma: string
  pos: PartOfSpeech
  gender: Gender | null
  plural: string | null
  gloss: string
  domain: string | null
  /** Other forms of the lemma given on the line (verb forms, plurals of synonyms). */
  forms: string[]
  /**
   * For the line's headwords, how many parts the line gives after them (forms, examples,
   * phrases: a main sense has many); 0 for the entries of those parts.
   */
  parts: number
}

const MARKERS = /\{([^{}]*)\}/g
const DOMAINS = /\[([^[\]]*)\]/g
const NOTES = /\(([^()]*)\)/g
const ALTERNATIVES = /<[^<>]*>/g
/**
 * The version of this reader. A dictionary read by an older one is offered to be imported
 * again (2: usage labels stay with their synonym, abbreviations out of headwords; 3: a plural
 * like none of the line's nouns is not made one of the first noun's forms, nor is one kept
 * with its article; 4: the number of parts of each headword's line is kept; 5: an abbreviation
 * with a semicolon in it is left out whole; 6: a label inside a grammar's braces is not the
 * word's; 7: a verb form goes to the line's verb it begins like, or to none: "stieg" is not
 * zunehmen's, "insbesondere" no form of umfassen; a conjunction without English takes its
 * two-part use's: "sowohl").
 */
export const DING_READER = 7

/** An abbreviation after a headword: "Windkraftanlage {f} /WKA/", "Absatz {m} /Abs./". */
const ABBREVIATION = /(?:^|\s)\/[^/\s][^/]*\/(?=\s|$)/g
/** Pronouns before a verb form: "er/sie findet", "ich/er/sie fand". */
const PRONOUNS = /^(?:(?:ich|du|er|sie|es|wir|ihr|man)(?:\/(?:ich|du|er|sie|es|wir|ihr|man))*\s+)+/
/** Compound tenses listed as forms: "hat/hatte gefunden", "ist/war gekommen". */
const AUXILIARY = /^(?:hat|hatte|ist|war|wird|wurde|haben|sein)(?:\/\S+)?\s/
/** Words that stand for an object in an example ("jdm. etw. geben"): not an entry of their own. */
const PLACEHOLDER = /\b(?:jd[nmrs]?|etw|sb|sth)\./i

function partOfSpeech(markers: string[]): { pos: PartOfSpeech; gender: Gender | null } {
  let gender: Gender | null = null
  let pos: PartOfSpeech | null = null
  for (const m of markers) {
    for (const raw of m.split(/[;,]\s*/)) {
      const k = raw.trim()
      if (k === 'm' || k === 'f' || k === 'n' || k === 'pl') {
        gender ??= k
        pos ??= 'noun'
      } else if (k === 'vt' || k === 'vi' || k === 'vr' || k === 'v') pos ??= 'verb'
      else if (k === 'adj') pos ??= 'adj'
      else if (k === 'adv') pos ??= 'adv'
      else if (k === 'prp') pos ??= 'prep'
      else if (k === 'conj') pos ??= 'conj'
      else if (k === 'num') pos ??= 'num'
    }
  }
  return { pos: pos ?? 'other', gender }
}

/** Reads one German or English piece: the text without markers, and what the markers say. */
export function readWord(written: string): DingWord {
  const raw = written.includes(' /') ? written.replace(ABBREVIATION, ' ') : written
  // most pieces carry at most a grammar marker: read those without regular expressions
  if (!raw.includes('[') && !raw.includes('(') && !raw.includes('<')) {
    const brace = raw.indexOf('{')
    if (brace < 0) {
      const text = raw.includes('  ') ? raw.replace(/\s+/g, ' ').trim() : raw.trim()
      return { text, gender: null, pos: text.includes(' ') ? 'phrase' : 'other', domains: [] }
    }
    const close = raw.indexOf('}', brace)
    if (close > 0 && raw.indexOf('{', close) < 0) {
      const text = (raw.slice(0, brace) + raw.slice(close + 1)).replace(/\s+/g, ' ').trim()
      const { pos, gender } = partOfSpeech([raw.slice(brace + 1, close)])
      return {
        text,
        gender,
        pos: pos === 'other' && text.includes(' ') ? 'phrase' : pos,
        domains: [],
      }
    }
  }
  const markers = [...raw.matchAll(MARKERS)].map((m) => m[1]!)
  // a label inside the grammar's braces is the grammar's ("wegen {prp; +Gen.; +Dat. [ugs.]}":
  // the dative is colloquial, not the word)
  const domains = [...raw.replace(MARKERS, ' ').matchAll(DOMAINS)]
    .map((m) => m[1]!.trim())
    .filter(Boolean)
  const text = raw
    .replace(MARKERS, ' ')
    .replace(DOMAINS, ' ')
    .replace(NOTES, ' ')
    .replace(ALTERNATIVES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const { pos, gender } = partOfSpeech(markers)
  return { text, gender, pos: pos === 'other' && text.includes(' ') ? 'phrase' : pos, domains }
}

/** English side: the gloss without grammar markers and alternative spellings. */
function cleanGloss(raw: string): string {
  if (!raw.includes('{') && !raw.includes('<') && !raw.includes('[')) return raw.trim()
  return raw
    .replace(MARKERS, ' ')
    .replace(ALTERNATIVES, ' ')
    .replace(DOMAINS, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([;,)])/g, '$1')
    .trim()
}

/** Splits at `sep`, but not inside {…}, […] or (…): "{prp; +Dat.}" is one marker. */
export function splitOutside(text: string, sep: string): string[] {
  if (!/[{[(]/.test(text)) return text.split(sep)
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{' || c === '[' || c === '(') depth++
    else if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--
    else if (depth === 0 && c === sep[0] && text.startsWith(sep, i)) {
      out.push(text.slice(start, i))
      start = i + sep.length
      i += sep.length - 1
    }
  }
  out.push(text.slice(start))
  return out
}

export type ParsedLine =
  | { kind: 'comment' }
  | { kind: 'malformed'; reason: string }
  | { kind: 'entries'; entries: DingEntry[] }

/** Parses one line of a Ding dictionary. */
export function parseDingLine(line: string): ParsedLine {
  const trimmed = line.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'comment' }
  const split = line.indexOf(' :: ')
  if (split < 0) return { kind: 'malformed', reason: 'no " :: " between German and English' }
  const de = splitOutside(line.slice(0, split), ' | ')
  const en = splitOutside(line.slice(split + 4), ' | ')
  if (de.length !== en.length)
    return {
      kind: 'malformed',
      reason: 'German and English have a different number of " | " parts',
    }
  const entries: DingEntry[] = []
  let heads: DingEntry[] = []
  let lastNouns: DingEntry[] = []
  for (let i = 0; i < de.length; i++) {
    // abbreviations out first: one may hold a semicolon ("Minute {f} /Min.; min./")
    const group = de[i]!.includes(' /') ? de[i]!.replace(ABBREVIATION, ' ') : de[i]!
    const words = splitOutside(group, '; ')
      .map(readWord)
      .filter((w) => w.text)
    // "herauskommen; zum Vorschein kommen {vi}": a verb, adjective or adverb marker at the end
    // of a group of synonyms applies to all of them (nouns carry their own genders)
    const shared = words.find((w) => w.pos !== 'other' && w.pos !== 'phrase' && w.pos !== 'noun')
    if (shared && words.length > 1)
      for (const w of words) if (w.pos === 'other' || w.pos === 'phrase') w.pos = shared.pos
    // a conjunction with no English of its own takes its two-part use's ("sowohl {conj} |
    // sowohl … als auch :: | as well … as; both … and …"); other headwords without English are
    // left out as before (what follows them is an example's translation)
    const conjunction = i === 0 && words.length > 0 && words.every((w) => w.pos === 'conj')
    const gloss =
      cleanGloss(en[i]!) || (conjunction ? (en.map(cleanGloss).find(Boolean) ?? '') : '')
    if (i === 0) {
      if (words.length === 0 || !gloss)
        return { kind: 'malformed', reason: 'an empty German or English side' }
      // a subject area on any synonym applies to the whole line's headwords; a usage label
      // only to its own ("Miete {f}; Mietzins {m} [Süddt.]": Miete is no regional word)
      const area = words.flatMap((w) => w.domains).find((d) => !USAGE_LABELS.has(d)) ?? null
      heads = words.map((w) => ({
        ...entryOf(w, gloss),
        domain: w.domains[0] ?? area,
        parts: de.length - 1,
      }))
      entries.push(...heads)
      lastNouns = heads.filter((h) => h.pos === 'noun')
      continue
    }
    if (words.length === 0) continue
    // "{pl}" forms: the plurals of the nouns just before (synonym by synonym); a group may
    // end in a phrase of its own ("Nachbarländer {pl}; Nachbarstaaten {pl}; das benachbarte
    // Ausland")
    const plurals = words.filter((w) => w.gender === 'pl')
    if (
      plurals.length &&
      words[0]!.gender === 'pl' &&
      lastNouns.length &&
      lastNouns.some((n) => n.gender !== 'pl')
    ) {
      const aligned = plurals.length === lastNouns.length
      plurals.forEach((w, k) => {
        // one by one when the counts agree, else the noun the plural begins like
        // ("Arbeitsstelle; Arbeitsplatz; Arbeit; Stelle" with five plurals: "Stellen" -> Stelle);
        // one like none of them is another synonym's ("Kerl {m}; Kumpel {m}; Alter | Kerle;
        // Kumpel; Kumpels; Leute {pl}": Leute is not a plural of Kerl)
        const noun = aligned ? lastNouns[k]! : closestNoun(w.text, lastNouns)
        if (!noun || noun.gender === 'pl') return
        // "Franzose {m} | die Franzosen {pl}": the plural is Franzosen
        const plural = ARTICLE.test(noun.lemma) ? w.text : withoutArticle(w.text)
        if (noun.plural === null) noun.plural = plural
        else if (noun.plural !== plural) noun.forms.push(plural)
      })
      lastNouns = []
      continue
    }
    // forms of a verb: unmarked words ("verhandelt", "trat zurück"), synonym by synonym
    const verb = heads.find((h) => h.pos === 'verb') ?? heads[0]!
    const verbs = heads.filter((h) => h.pos === 'verb').length
    // synonym by synonym, a form may be a phrase as long as its head ("fräste ein Loch aus")
    const aligned = words.length === heads.length
    if (
      verb.pos === 'verb' &&
      words.every(
        (w, k) =>
          w.pos === 'other' ||
          (w.pos === 'phrase' &&
            w.text.split(' ').length <=
              (aligned ? Math.max(3, heads[k]!.lemma.split(' ').length + 1) : 3) &&
            !PLACEHOLDER.test(w.text)),
      )
    ) {
      words.forEach((w, k) => {
        // "ich/er/sie fand" -> "fand"; "er/sie hat/hatte gefunden" is not a form of its own
        const text = w.text.replace(PRONOUNS, '')
        if (!text || AUXILIARY.test(text)) return
        // a verb form (a word, with its particle) on a line of one verb is that verb's, irregular
        // or not ("sein": war); on a line of several, one like none of them is left out ("(so)
        // insbesondere" on the line of "etw. umfassen; etw. enthalten; etw. einschließen"); a
        // phrase's form ("Erfolg gehabt") goes by its beginning, else to the first verb
        const head =
          aligned && heads[k]!.pos === 'verb'
            ? heads[k]!
            : oneVerbForm(text)
              ? (closestVerb(text, heads, true) ?? (verbs === 1 ? verb : null))
              : (closestVerb(text, heads, false) ?? verb)
        if (head && !head.forms.includes(text)) head.forms.push(text)
      })
      continue
    }
    // anything else is an entry of its own: a related word or a short fixed phrase, not an example
    const own = words
      .filter((w) => !PLACEHOLDER.test(w.text) && w.text.split(' ').length <= 4 && gloss)
      .map((w) => entryOf(w, gloss))
    entries.push(...own)
    lastNouns = own.filter((e) => e.pos === 'noun')
  }
  return { kind: 'entries', entries }
}

/** A verb form proper: one word, or a word and its particle ("trat zurück"). */
function oneVerbForm(text: string): boolean {
  const words = text.split(' ')
  return words.length === 1 || (words.length === 2 && PARTICLES.has(words[1]!.toLowerCase()))
}

/** Prefixes a verb keeps in every form ("erfolgte", "verstanden", "begonnen"). */
const INSEPARABLE = /^(?:be|emp|ent|er|ge|miss|ver|zer)/

/**
 * The verb among a line's headwords a form belongs to when the forms do not line up with the
 * headwords one by one ("legen; stellen; setzen; tun" with three forms): the one sharing the
 * longest beginning with the form ("stellte" -> stellen), leaving out ge- and a particle. A
 * form must begin as its verb does, past a prefix both share: a strong verb changes its vowel,
 * not its first letter ("stieg" is steigen's, not zunehmen's on "zunehmen; steigen"; "erfolgen"
 * is no form of erledigen). Null when no verb of the line begins so. Not `strict` (a phrase's
 * form): the verb sharing more than two letters, if one does.
 */
function closestVerb(form: string, heads: DingEntry[], strict: boolean): DingEntry | null {
  const [word = '', particle = ''] = form.toLowerCase().split(' ')
  let best: DingEntry | null = null
  let bestLength = strict ? 0 : 2
  for (const h of heads) {
    if (h.pos !== 'verb') continue
    let infinitive = h.lemma.toLowerCase().split(' ').pop()!
    // "stellt zurück" belongs to zurückstellen
    if (particle && infinitive.startsWith(particle)) infinitive = infinitive.slice(particle.length)
    for (const candidate of [word, word.replace(/^ge/, '')]) {
      const prefix = INSEPARABLE.exec(candidate)?.[0]
      const [a, b] =
        prefix && infinitive.startsWith(prefix)
          ? [candidate.slice(prefix.length), infinitive.slice(prefix.length)]
          : [candidate, infinitive]
      if (strict && (!a || a[0] !== b[0])) continue
      let n = 0
      while (n < candidate.length && candidate[n] === infinitive[n]) n++
      if (n > bestLength) {
        best = h
        bestLength = n
      }
    }
  }
  return best
}

/** An article before a headword or plural ("die Franzosen", "der Hausherr"). */
const ARTICLE = /^(?:der|die|das|den) /
const withoutArticle = (s: string) => s.replace(ARTICLE, '')

const fold = (s: string) => s.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u')

/** The noun a plural belongs to: the longest shared beginning, umlauts aside (Häuser: Haus). */
function closestNoun(plural: string, nouns: DingEntry[]): DingEntry | null {
  // without an article ("die Chinesen"), and -leute as the -mann it is the plural of (Obleute)
  const p = withoutArticle(fold(plural)).replace(/leute$/, 'mann')
  let best: DingEntry | null = null
  let bestScore = -1
  for (const n of nouns) {
    if (n.gender === 'pl') continue
    // the lemma as written, or (a little less) its last word ("jds. Abgang": Abgänge; but
    // "Kennzahlen" is Kennzahl's before "betriebswirtschaftliche Kennzahl"'s)
    const whole = withoutArticle(fold(n.lemma))
    const last = whole.slice(whole.lastIndexOf(' ') + 1)
    for (const lemma of last === whole ? [whole] : [whole, last]) {
      let shared = 0
      while (shared < lemma.length && p[shared] === lemma[shared]) shared++
      // the whole singular inside the plural beats a longer lemma that only starts the same
      const score = (shared === lemma.length ? 1000 + shared : shared) - (lemma === whole ? 0 : 0.5)
      if (score > bestScore) {
        best = n
        bestScore = score
      }
    }
  }
  return bestScore >= 3 ? best : null
}

function entryOf(w: DingWord, gloss: string): DingEntry {
  return {
    lemma: w.text,
    pos: w.pos,
    gender: w.gender,
    plural: w.gender === 'pl' ? w.text : null,
    gloss,
    domain: w.domains[0] ?? null,
    forms: [],
    parts: 0,
  }
}
