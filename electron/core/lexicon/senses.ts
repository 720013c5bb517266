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

/** Labels of rare, old, regional or colloquial use. */
const MARKED_USAGE = new Set(
  `veraltet veraltend alt obs. archaic selten rare ugs. coll. slang vulg. pej. poet. geh.
  humor. Ös. Schw. Süddt. Norddt. Bayr. BW ostdt. Westdt. Mitteldt. regional dialect übtr. fig.
  Jugendsprache euphem. lit. hist.`.split(/\s+/),
)
/** Subject areas a news reader meets every day: not held against a sense. */
const NEWS_AREAS = new Set(
  'pol. econ. mil. jur. adm. fin. soc. Dt. envir. transp. sport geogr. relig.'.split(' '),
)
/** English words that say nothing about the meaning. */
const STOPWORDS = new Set(
  `to a an the of be is are was will sth sb sb's sth's oneself one's someone something it its
  in on at for with by from as up out into onto off about over under not no or and so`.split(/\s+/),
)

const WORD = /[a-z][a-z'-]*/g

export class SenseRanker {
  private frequency: Map<string, number> | null = null

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.frequency = null
  }

  /** How many glosses each English word occurs in (loaded once, about half a second). */
  private counts(): Map<string, number> {
    if (this.frequency) return this.frequency
    const counts = new Map<string, number>()
    for (const gloss of stmt(this.db, "SELECT gloss FROM lexicon_entries WHERE source = 'dict'")
      .pluck()
      .iterate() as IterableIterator<string>) {
      const seen = new Set(gloss.toLowerCase().match(WORD))
      for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1)
    }
    this.frequency = counts
    return counts
  }

  /** Loads the counts ahead of the first lookup (while the reader opens). */
  warm(): void {
    this.counts()
  }

  /**
   * Lower is better: a usage label, a narrow subject area and rare gloss words count against
   * a sense; each form the dictionary lists with it counts for it (Ding conjugates and
   * declines a word's main senses in full, its special ones seldom).
   */
  score(entry: { gloss: string; domain: string | null }, forms: number): number {
    let score = -0.8 * Math.min(forms, 8)
    if (entry.domain) {
      if (MARKED_USAGE.has(entry.domain)) score += 6
      else if (!NEWS_AREAS.has(entry.domain)) score += 2
    }
    // the first alternative of the gloss: "to give" of "to give; to hand"
    const first = entry.gloss
      .split(/[;|]/)[0]!
      .replace(/\([^()]*\)/g, ' ')
      .toLowerCase()
    const words = (first.match(WORD) ?? []).filter((w) => !STOPWORDS.has(w.replace(/\.$/, '')))
    if (words.length === 0) return score + 8
    const counts = this.counts()
    // the rarest content word decides: "to perform sth." is as common as "perform"
    let rarest = Infinity
    for (const w of words) rarest = Math.min(rarest, counts.get(w) ?? 0)
    return score - 0.5 * Math.log2(1 + rarest) + 0.3 * (words.length - 1)
  }
}
