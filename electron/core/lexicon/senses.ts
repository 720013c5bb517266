/**
 * Which of a word's dictionary senses comes first. Ding lists senses in no order of
 * frequency (geben: "to perform sth." before "to give"), so each is scored: a usage label
 * (veraltend, ugs., Ös. …) or a narrow subject area (chem., naut. …) counts against it, and
 * so does a gloss made of rare English words, measured by how often its words occur in all
 * glosses of the dictionary ("give" occurs in hundreds, "perform" in far fewer). The user's
 * and the built-in glossary's entries are not ranked here: they always come first.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { getSetting, setSetting } from '../library/articles'
import { USAGE_LABELS } from './ding'

/**
 * Labels of rare, old, regional or colloquial use count against a sense; "geh." (elevated)
 * only a little: news German is written in that register ("erhalten [geh.]: to receive").
 */
const usagePenalty = (label: string) =>
  FIGURATIVE.has(label) ? 1 : USAGE_LABELS.has(label) ? 6 : 0
/**
 * Elevated and figurative use: the register and the images news is written in ("erhalten
 * [geh.]: to receive", "Hürde [übtr.]: hurdle" of politics), only a little against a sense.
 */
const FIGURATIVE = new Set(['geh.', 'übtr.', 'fig.'])
/** Subject areas a news reader meets every day: not held against a sense. */
const NEWS_AREAS = new Set('pol. econ. jur. adm. fin. soc. Dt. geogr.'.split(' '))
/** English words that say nothing about the meaning. */
const STOPWORDS = new Set(
  `to a an the of be is are was will sth sb sb's sth's oneself one's someone something it its
  in on at for with by from as up out into onto off about over under not no or and so`.split(/\s+/),
)

const WORD = /[a-z][a-z'-]*/g
/** An article's gloss ("die {art} :: the", "ein; eine {art} :: a; an"). */
export const ENGLISH_ARTICLE = /^(?:the|a; an|a|an)$/
/** What a doubling of how often a sense's rarest word occurs in all glosses counts for it. */
const RARITY = 0.5
/** The setting that keeps the counts, with the dictionaries they were counted from. */
const COUNTS = 'lexicon.glossWordCounts'

export class SenseRanker {
  private frequency: Map<string, number> | null = null
  /** Scores by entry id: they depend only on the lexicon. */
  private scores = new Map<number, number>()

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.frequency = null
    this.scores.clear()
  }

  /**
   * How many glosses each English word occurs in. Counted once per dictionary import (about a
   * second for Debian's dictionary) and kept in the library's settings, so later starts only
   * read them back.
   */
  private counts(): Map<string, number> {
    if (this.frequency) return this.frequency
    const version = countsVersion(this.db)
    const stored = getSetting(this.db, COUNTS)
    if (stored?.startsWith(`${version}\n`)) {
      this.frequency = new Map(Object.entries(JSON.parse(stored.slice(version.length + 1))))
      return this.frequency
    }
    // a library whose dictionaries were imported before the counts were kept
    this.frequency = storeGlossCounts(
      this.db,
      stmt(this.db, "SELECT gloss FROM lexicon_entries WHERE source = 'dict'")
        .pluck()
        .iterate() as IterableIterator<string>,
    )
    return this.frequency
  }

  /** Loads the counts ahead of the first lookup (while the reader opens). */
  warm(): void {
    this.counts()
  }

  /**
   * Lower is better: a usage label, a narrow subject area and rare gloss words count against
   * a sense; how richly the dictionary documents it counts for it (`KnownWords.weightOf`:
   * Ding conjugates and declines a word's main senses in full and gives them examples, its
   * special ones seldom).
   */
  score(
    entry: { id: number; pos: string; gloss: string; domain: string | null },
    weight: number,
  ): number {
    let known = this.scores.get(entry.id)
    if (known === undefined) {
      known = this.compute(entry, weight)
      if (this.scores.size > 100_000) this.scores.clear()
      this.scores.set(entry.id, known)
    }
    return known
  }

  private compute(
    entry: { id: number; pos: string; gloss: string; domain: string | null },
    weight: number,
  ): number {
    let score = -0.8 * Math.min(weight, 8)
    // a line's synonyms are stored one after the other with the same gloss: only the first is
    // the line's own headword ("etw. aufführen; vortragen; …; geben" is not geben's main sense)
    const before = stmt(this.db, 'SELECT gloss FROM lexicon_entries WHERE id = ?')
      .pluck()
      .get(entry.id - 1) as string | undefined
    if (before !== entry.gloss) score -= 3
    if (entry.domain) {
      const usage = usagePenalty(entry.domain)
      if (usage) score += usage
      else if (!NEWS_AREAS.has(entry.domain)) score += 2
    }
    // the first alternative of the gloss: "to give" of "to give; to hand"
    const alternative = entry.gloss.split(/[;|]/)[0]!
    // a qualifier narrows the sense: "to be fast (of a timepiece)", "to deal (card game)"; a
    // place name's says where it is ("Wien [geogr.]": "Vienna (capital of Austria)")
    const place = entry.pos === 'other' && entry.domain === 'geogr.'
    if (!place && narrowed(alternative)) score += 2
    // a preposition's meaning is a function word ("mit": with, not "cum")
    let words = contentWords(alternative, entry.pos !== 'prep')
    // … and a verb's or a pronoun's may be too ("sein": to be, not "to object to sth."; "sich":
    // oneself); not an article's, whose place decides (readings.ts)
    if (
      words.length === 0 &&
      (entry.pos === 'verb' || entry.pos === 'other') &&
      !ENGLISH_ARTICLE.test(entry.gloss)
    )
      words = contentWords(alternative, false)
    if (words.length === 0) return score + 8
    const counts = this.counts()
    // the rarest content word decides: "to perform sth." is as common as "perform"
    let rarest = Infinity
    for (const w of words) rarest = Math.min(rarest, counts.get(w) ?? 0)
    return score - RARITY * Math.log2(1 + rarest) + 0.3 * (words.length - 1)
  }
}

/**
 * Words of a valency pattern, which says what a sense takes, not where it applies:
 * "comparison (with sb./sth., of sb./sth.)", "possibility (of doing sth.)", "to give (to sb.)".
 */
const VALENCY = new Set(
  `sb sth sb's sth's one's oneself someone something somebody doing do to with of for at on in
  into onto about against between from by over towards toward as upon among after within
  through`.split(/\s+/),
)

/**
 * Whether a qualifier of two words or more in brackets narrows the sense ("of a timepiece",
 * "card game"); a valency pattern does not ("with sb./sth.").
 */
export function narrowed(alternative: string): boolean {
  for (const [, inside] of alternative.matchAll(/\(([^()]*)\)/g)) {
    const words = inside!.split(/[\s,/]+/).filter(Boolean)
    if (words.length < 2) continue
    if (words.some((w) => !VALENCY.has(w.toLowerCase().replace(/\.$/, '')))) return true
  }
  return false
}

/** The words of a piece of gloss that carry its meaning ("to give sth. (to sb.)": give). */
function contentWords(text: string, withoutStopwords = true): string[] {
  const plain = text.replace(/\([^()]*\)/g, ' ').toLowerCase()
  const words = plain.match(WORD) ?? []
  return withoutStopwords ? words.filter((w) => !STOPWORDS.has(w.replace(/\.$/, ''))) : words
}

/**
 * For each of a word's senses, how many of its other senses agree with it: give, anywhere in
 * their gloss, a word of its first meaning. Ding spreads a common sense over many lines
 * ("etw. einführen: to introduce sth.", "jdn. einführen: to introduce sb.", "… to introduce
 * sth. (into sth.)") and gives a rare one a line of its own ("einführen: to usher").
 */
export function agreement(senses: readonly { gloss: string; domain: string | null }[]): number[] {
  // a regional, old or colloquial sense lends no support ("jdn. klagen [Ös.]: to sue sb.")
  const all = senses.map((e) =>
    e.domain && usagePenalty(e.domain) > 1 ? new Set<string>() : new Set(contentWords(e.gloss)),
  )
  return senses.map(({ gloss }, i) => {
    const first = contentWords(gloss.split(/[;|]/)[0]!)
    let n = 0
    all.forEach((words, j) => {
      if (j !== i && senses[j]!.gloss !== gloss && first.some((w) => words.has(w))) n++
    })
    return n
  })
}

/** Which dictionaries the kept counts were made from. */
function countsVersion(db: Db): string {
  return stmt(
    db,
    "SELECT coalesce(group_concat(id || '@' || imported_at), '') FROM lexicon_dictionaries",
  )
    .pluck()
    .get() as string
}

/**
 * Counts in how many glosses each English word occurs and keeps the counts in the library's
 * settings (the import does it with the glosses it has just read, so opening the reader later
 * only reads them back).
 */
export function storeGlossCounts(db: Db, glosses: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>()
  const seen = new Set<string>()
  for (const gloss of glosses) {
    seen.clear()
    for (const w of gloss.toLowerCase().match(WORD) ?? []) {
      if (seen.has(w)) continue
      seen.add(w)
      counts.set(w, (counts.get(w) ?? 0) + 1)
    }
  }
  // words met once say little and would only make the stored table large
  const kept: Record<string, number> = {}
  for (const [w, n] of counts) if (n > 1) kept[w] = n
  const version = countsVersion(db)
  if (version) setSetting(db, COUNTS, `${version}\n${JSON.stringify(kept)}`)
  return new Map(Object.entries(kept))
}
