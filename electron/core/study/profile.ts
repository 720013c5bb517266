/**
 * What an article's running words are, lemma by lemma: the input to its difficulty and to the
 * reader's tinting. Lemmas come from the lexicon's annotation (`Lexicon.annotate`); a word the
 * lexicon does not know counts as itself in lower case. Names and numbers never count:
 * - a word with a digit is a number;
 * - a lemma the lexicon knows only as a place (Ding's `[geogr.]`) is a name;
 * - two or more capitalised words in a row the lexicon does not know are a name ("Marlene
 *   Hohenstein"), and so is each of them elsewhere in the article;
 * - with a real dictionary imported (`strict`), any capitalised word it does not know inside a
 *   sentence is a name too (without one, the glossary knows too few nouns to tell).
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Lexicon } from '../lexicon/lookup'
import { studyKey } from '../../../shared/lemmas'
import { eachWord } from '../search/analyzer'

/** Bump when the analysis below changes: every profile is rebuilt. */
export const PROFILE_VERSION = 6

/** A lexicon with at least this many entries has a real dictionary in it. */
export const DICTIONARY_ENTRIES = 20_000

export interface ArticleAnalysis {
  /** Running words counted (names and numbers left out). */
  words: number
  /** Names and numbers. */
  skipped: number
  /** Lemma key → running words. */
  counts: Map<string, number>
  /** Word as written → lemma key (words that are names or numbers everywhere left out). */
  forms: Map<string, string>
  /** Lemma key → the lemma as the lexicon writes it (or the word as met). */
  lemmas: Map<string, string>
}

const DIGIT = /\p{N}/u
const UPPER = /^\p{Lu}/u
// what ends a sentence between two words (a colon too: „Er sagte: Wir …“)
const SENTENCE_GAP = /[.!?:;]/

interface Token {
  raw: string
  lemma: string | null
  opens: boolean
  /** Capitalised and unknown to the lexicon: perhaps a name. */
  unknownCapital: boolean
  /** Only white space before the next word (the same name may go on). */
  joined: boolean
}

/** Analyses the title and paragraphs of an article. */
export function analyseArticle(
  lexicon: Lexicon,
  places: ReadonlySet<string>,
  texts: readonly string[],
  strict = false,
): ArticleAnalysis {
  const tokens: Token[] = []
  for (const text of texts) {
    const { lemmas } = lexicon.annotate(text)
    let i = 0
    let prevEnd = -1
    const first = tokens.length
    eachWord(text, (raw, start, end) => {
      const lemma = lemmas[i++] ?? null
      const gap = prevEnd < 0 ? '' : text.slice(prevEnd, start)
      const opens = prevEnd < 0 || SENTENCE_GAP.test(gap)
      if (tokens.length > first) tokens[tokens.length - 1]!.joined = /^[ \u00a0]+$/.test(gap)
      prevEnd = end
      tokens.push({
        raw,
        lemma,
        opens,
        unknownCapital: lemma === null && UPPER.test(raw) && !DIGIT.test(raw),
        joined: false,
      })
    })
  }
  const nameWords = new Set<string>()
  tokens.forEach((t, k) => {
    if (!t.unknownCapital) return
    const next = tokens[k + 1]
    if (t.joined && next?.unknownCapital) nameWords.add(t.raw).add(next.raw)
    else if (strict && !t.opens) nameWords.add(t.raw)
  })
  const out: ArticleAnalysis = {
    words: 0,
    skipped: 0,
    counts: new Map(),
    forms: new Map(),
    lemmas: new Map(),
  }
  // the same word with the same lemma counts the same way: decided once per article
  const decided = new Map<string, string | null>()
  for (const t of tokens) {
    const memo = t.lemma === null ? t.raw : `${t.raw}\u0000${t.lemma}`
    let key = decided.get(memo)
    if (key === undefined) {
      key = keyOf(t.raw, t.lemma, places, nameWords)
      decided.set(memo, key)
    }
    if (key === null) {
      out.skipped++
      continue
    }
    out.words++
    out.counts.set(key, (out.counts.get(key) ?? 0) + 1)
    if (!out.forms.has(t.raw)) out.forms.set(t.raw, key)
    if (!out.lemmas.has(key))
      out.lemmas.set(key, t.lemma ?? (t.opens ? t.raw.toLowerCase() : t.raw))
  }
  return out
}

/** The lemma key a running word counts under, or null for a name or a number. */
export function keyOf(
  raw: string,
  lemma: string | null,
  places: ReadonlySet<string>,
  nameWords: ReadonlySet<string>,
): string | null {
  // a number, or a word with one that the lexicon reads as a word without it ("64-jährige":
  // …-jährig; "2:0-Sieg": Sieg), not as itself ("G20-Gipfel", "80er-Jahre")
  if (DIGIT.test(raw) && !(lemma && !DIGIT.test(lemma))) return null
  if (lemma) {
    const key = studyKey(lemma)
    return places.has(key) ? null : key
  }
  if (nameWords.has(raw)) return null
  return studyKey(raw)
}

/** Lemma keys the lexicon knows only as places (every entry of the key is `[geogr.]`). */
export function loadNames(db: Db): Set<string> {
  return new Set(
    stmt(
      db,
      `SELECT key FROM lexicon_entries WHERE key IN
         (SELECT key FROM lexicon_entries WHERE domain LIKE 'geogr%')
       GROUP BY key HAVING sum(coalesce(domain, '') NOT LIKE 'geogr%') = 0`,
    )
      .pluck()
      .all() as string[],
  )
}

/**
 * What the profiles depend on besides the text: this analysis and the lexicon's entries. A
 * dictionary import or an own term saved changes the largest id; a deletion changes the count.
 */
export function lexiconFingerprint(db: Db): { fp: string; strict: boolean } {
  const row = stmt(
    db,
    'SELECT coalesce(max(id), 0) AS top, count(*) AS n FROM lexicon_entries',
  ).get() as { top: number; n: number }
  return { fp: `${PROFILE_VERSION}:${row.top}:${row.n}`, strict: row.n >= DICTIONARY_ENTRIES }
}

/** The lexicon's largest entry id: a cheap sign that entries were added (or re-saved). */
export function lexiconTop(db: Db): number {
  return stmt(db, 'SELECT coalesce(max(id), 0) FROM lexicon_entries').pluck().get() as number
}

/** Lemma pairs (number, count) as varints: number deltas, sorted. */
export function encodeProfile(pairs: [number, number][]): Buffer {
  pairs.sort((a, b) => a[0] - b[0])
  const bytes: number[] = []
  const put = (n: number) => {
    while (n >= 0x80) {
      bytes.push((n & 0x7f) | 0x80)
      n >>>= 7
    }
    bytes.push(n)
  }
  let last = 0
  for (const [id, count] of pairs) {
    put(id - last)
    put(count)
    last = id
  }
  return Buffer.from(bytes)
}

/** Calls `visit` for each (lemma number, count) of an encoded profile. */
export function eachProfilePair(
  data: Uint8Array,
  visit: (lemmaId: number, count: number) => void,
): void {
  let i = 0
  let id = 0
  const n = data.length
  while (i < n) {
    let delta = 0
    let shift = 0
    let b: number
    do {
      b = data[i++]!
      delta |= (b & 0x7f) << shift
      shift += 7
    } while (b & 0x80)
    let count = 0
    shift = 0
    do {
      b = data[i++]!
      count |= (b & 0x7f) << shift
      shift += 7
    } while (b & 0x80)
    id += delta
    visit(id, count)
  }
}

/** Lemma numbers for profiles: one row per lemma key, remembered in memory. */
export class LemmaNumbers {
  private ids: Map<string, number> | null = null
  private keys: string[] = []

  constructor(private readonly db: Db) {}

  private load(): Map<string, number> {
    if (this.ids) return this.ids
    const ids = new Map<string, number>()
    const keys: string[] = []
    for (const [id, key] of stmt(this.db, 'SELECT id, key FROM study_lemmas')
      .raw()
      .iterate() as IterableIterator<[number, string]>) {
      ids.set(key, id)
      keys[id] = key
    }
    this.ids = ids
    this.keys = keys
    return ids
  }

  /** The number of a lemma key, or undefined for a key no profile has counted. */
  find(key: string): number | undefined {
    return this.load().get(key)
  }

  /** The number of a lemma key (a new row for a key never seen). */
  idOf(key: string): number {
    const ids = this.load()
    let id = ids.get(key)
    if (id === undefined) {
      id = Number(
        stmt(this.db, 'INSERT INTO study_lemmas (key) VALUES (?)').run(key).lastInsertRowid,
      )
      ids.set(key, id)
      this.keys[id] = key
    }
    return id
  }

  /** The numbered keys (index = number; holes are undefined). */
  all(): readonly (string | undefined)[] {
    this.load()
    return this.keys
  }

  forget(): void {
    this.ids = null
    this.keys = []
  }
}
