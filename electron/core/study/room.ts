/**
 * The study room's memory: statuses by lemma, article analyses for the reader's tints, lemma
 * numbers, and the background difficulty pass. Everything here is a cache of the library file:
 * `invalidate()` forgets it (the hook for a watcher of other processes' changes), and every
 * public call first compares SQLite's `data_version`, so a change by another process (the
 * CLI, a second window) is never served stale.
 */
import type { ArticleWords } from '../../../shared/study'
import type { Emit } from '../context'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { getSetting, setSetting } from '../library/articles'
import type { Lexicon } from '../lexicon/lookup'
import {
  articleTexts,
  buildProfiles,
  recomputeShares,
  statusArray,
  storeProfile,
} from './difficulty'
import {
  analyseArticle,
  LemmaNumbers,
  lexiconFingerprint,
  lexiconTop,
  loadNames,
  type ArticleAnalysis,
} from './profile'
import { lemmaCounts } from './occurrences'
import { KNOWN, NEW, setStatusByKey, statusesByKey, statusName } from './words'

const STATUS_VERSION = 'study.statusVersion'
const SHARES_VERSION = 'study.sharesVersion'
/** Articles whose analysis the reader keeps in memory. */
const ANALYSES = 24
/** How long a popover's "occurs in" may analyse articles that have no profile yet … */
const ANALYSE_MS = 80
/**
 * … though this many are analysed whatever it takes (the first, cold analyses can take longer
 * than that alone): a word in a few articles is counted, not estimated ("about 3").
 */
const ANALYSED_AT_LEAST = 8
/** A pass starts this long after the last change (changes come in bursts). */
const DEBOUNCE_MS = 400

export class StudyRoom {
  private statuses: Map<string, number> | null = null
  private names: Set<string> | null = null
  private fingerprint: { fp: string; strict: boolean } | null = null
  private lexiconTop = -1
  private readonly numbers: LemmaNumbers
  private readonly analyses = new Map<number, { text: string; fp: string; a: ArticleAnalysis }>()
  private dataVersion = -1
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: { controller: AbortController; done: Promise<void> } | null = null
  private closed = false
  /** The lexicon every profile was last seen built with (after a whole pass). */
  private profilesCurrentFor: string | null = null

  constructor(
    private readonly db: Db,
    private readonly lexicon: Lexicon,
    private readonly lexiconReady: () => Promise<void>,
    private readonly emit: Emit,
  ) {
    this.numbers = new LemmaNumbers(db)
  }

  /** Forgets the articles' analyses only (the benchmark measures them from cold). */
  forgetAnalyses(): void {
    this.analyses.clear()
  }

  /** Forgets every cache (statuses, analyses, lemma numbers, the lexicon's fingerprint). */
  invalidate(): void {
    this.statuses = null
    this.names = null
    this.fingerprint = null
    this.lexiconTop = -1
    this.profilesCurrentFor = null
    this.analyses.clear()
    this.numbers.forget()
  }

  /** Drops what another connection may have changed since the last call. */
  check(): void {
    const v = this.db.pragma('data_version', { simple: true }) as number
    if (v !== this.dataVersion) {
      if (this.dataVersion !== -1) this.invalidate()
      this.dataVersion = v
    }
  }

  /** Ready for work that needs the lexicon (the built-in glossary loaded). */
  async ready(): Promise<void> {
    await this.lexiconReady()
    this.check()
  }

  statusMap(): Map<string, number> {
    return (this.statuses ??= statusesByKey(this.db))
  }

  statusVersion(): number {
    return Number(getSetting(this.db, STATUS_VERSION) ?? 0)
  }

  /**
   * After statuses changed (inside the same transaction as the change): the version goes up,
   * so the shares computed before are known to be stale.
   */
  statusesChanged(): void {
    setSetting(this.db, STATUS_VERSION, String(this.statusVersion() + 1))
    this.statuses = null
  }

  /**
   * The lexicon's fingerprint and place names, reloaded when entries were added or re-saved in
   * this process (another process's changes are caught by `check()`).
   */
  private lexiconState(): { fp: string; strict: boolean; names: Set<string> } {
    const top = lexiconTop(this.db)
    if (top !== this.lexiconTop) {
      this.lexiconTop = top
      this.fingerprint = null
      this.names = null
    }
    this.fingerprint ??= lexiconFingerprint(this.db)
    this.names ??= loadNames(this.db)
    return { ...this.fingerprint, names: this.names }
  }

  /** The analysis of an article (remembered while its text and the lexicon stay the same). */
  analysis(id: number, texts = articleTexts(this.db, id)): ArticleAnalysis | null {
    if (!texts) return null
    const text = texts.join('\n')
    const { fp, strict, names } = this.lexiconState()
    const cached = this.analyses.get(id)
    if (cached && cached.text === text && cached.fp === fp) {
      this.analyses.delete(id)
      this.analyses.set(id, cached)
      return cached.a
    }
    const a = analyseArticle(this.lexicon, names, texts, strict)
    this.analyses.set(id, { text, fp, a })
    if (this.analyses.size > ANALYSES) this.analyses.delete(this.analyses.keys().next().value!)
    // keep its profile current while we have the analysis
    const stored = stmt(this.db, 'SELECT lexicon FROM study_profiles WHERE article_id = ?')
      .pluck()
      .get(id)
    if (stored !== fp)
      storeProfile(this.db, this.numbers, id, a, fp, this.statusMap(), this.statusVersion())
    return a
  }

  /**
   * For each article, how often the lemma key occurs in it by its profile, or -1 when it has
   * none of the current lexicon (the popover's "occurs in").
   */
  lemmaCounts(key: string, articleIds: readonly number[]): number[] {
    this.check()
    const { fp, names } = this.lexiconState()
    // a place is never counted (a name either, whatever the popover made of it)
    if (names.has(key)) return articleIds.map(() => -1)
    const counts = lemmaCounts(this.db, this.numbers, fp, key, articleIds)
    // articles not analysed yet (nobody studies, or just imported): analysed now, newest first,
    // for as long as a popover can wait; their profiles are kept for the next word
    const started = performance.now()
    let analysed = 0
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! >= 0) continue
      if (analysed++ >= ANALYSED_AT_LEAST && performance.now() - started >= ANALYSE_MS) break
      const a = this.db.readonly ? this.analysisOnly(articleIds[i]!) : this.analysis(articleIds[i]!)
      if (a) counts[i] = a.counts.get(key) ?? 0
    }
    return counts
  }

  /** An article's analysis without storing its profile (a read-only library). */
  private analysisOnly(id: number): ArticleAnalysis | null {
    const texts = articleTexts(this.db, id)
    if (!texts) return null
    const { strict, names } = this.lexiconState()
    return analyseArticle(this.lexicon, names, texts, strict)
  }

  /** Every word of an article with its lemma's status, for the reader. */
  articleWords(id: number, a: ArticleAnalysis): ArticleWords {
    const statuses = this.statusMap()
    const index = new Map<string, number>()
    const lemmas: ArticleWords['lemmas'] = []
    let unknown = 0
    let ignored = 0
    let fresh = 0
    for (const [key, count] of a.counts) {
      const s = statuses.get(key) ?? NEW
      index.set(key, lemmas.length)
      lemmas.push({ key, lemma: a.lemmas.get(key) ?? key, status: statusName(s) })
      if (s <= 4) unknown += count
      else if (s === 6) ignored += count
      if (s === NEW && !statuses.has(key)) fresh++
    }
    const forms: Record<string, number> = {}
    for (const [form, key] of a.forms) forms[form] = index.get(key)!
    const counted = a.words - ignored
    return {
      articleId: id,
      forms,
      lemmas,
      words: counted,
      unknownShare: counted ? unknown / counted : 0,
      newLemmas: fresh,
    }
  }

  /** Marks every lemma of the article nobody gave a status as known. Returns how many. */
  markKnown(a: ArticleAnalysis, now: Date): number {
    const statuses = this.statusMap()
    let marked = 0
    this.db.transaction(() => {
      for (const key of a.counts.keys()) {
        if (statuses.has(key)) continue
        setStatusByKey(this.db, key, a.lemmas.get(key) ?? key, KNOWN, now)
        marked++
      }
      if (marked) this.statusesChanged()
    })()
    return marked
  }

  /**
   * Unknown shares of all articles; with `wait`, missing profiles and stale shares first.
   * Before the learner saved a word or gave a status, every word is new: each share is 1 and
   * nothing is computed (no background work for people who only read).
   */
  async difficulty(wait: boolean) {
    this.check()
    const active = Boolean(stmt(this.db, 'SELECT 1 FROM study_words LIMIT 1').get())
    // before the learner knows a word every article's share is 1, and the library hides it:
    // no lists (at 100,000 articles they cost the list's first seconds 30–50 ms and 1 MB)
    if (!active) return { ids: [], shares: [], pending: 0, computing: false, active }
    const ids = stmt(this.db, 'SELECT id FROM articles ORDER BY id').pluck().all() as number[]
    if (wait) await this.runPass({ stale: false })
    else if (this.needsPass()) this.schedule()
    const share = new Map<number, number>()
    for (const [id, unknown, counted] of stmt(
      this.db,
      'SELECT article_id, unknown, counted FROM study_shares',
    )
      .raw()
      .iterate() as IterableIterator<[number, number, number]>)
      share.set(id, counted ? Math.round((unknown / counted) * 10000) / 10000 : 0)
    const shares = ids.map((id) => share.get(id) ?? null)
    return {
      ids,
      shares,
      pending: shares.filter((x) => x === null).length,
      computing: Boolean(this.running || this.timer) || this.sharesStale(),
      active,
    }
  }

  private sharesStale(): boolean {
    return Number(getSetting(this.db, SHARES_VERSION) ?? -1) < this.statusVersion()
  }

  private needsPass(): boolean {
    if (this.sharesStale()) return true
    // every article has a profile (a profile without its article cannot exist)
    const count = (table: string) =>
      stmt(this.db, `SELECT count(*) FROM ${table}`).pluck().get() as number
    if (count('articles') !== count('study_profiles')) return true
    // profiles of another lexicon: looked for once per lexicon, not on every call
    const { fp } = this.lexiconState()
    if (this.profilesCurrentFor === fp) return false
    return Boolean(stmt(this.db, 'SELECT 1 FROM study_profiles WHERE lexicon <> ? LIMIT 1').get(fp))
  }

  /** Starts the background pass a little later (again when one is running: it restarts). */
  schedule(): void {
    if (this.closed) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.runPass({ stale: true })
    }, DEBOUNCE_MS)
    this.timer.unref?.()
  }

  /**
   * Builds missing profiles (with `stale`, also those of another lexicon), then recomputes the
   * shares if the statuses changed since they were computed. A running pass is stopped first.
   */
  async runPass(opts: { stale: boolean }): Promise<void> {
    if (this.running) {
      this.running.controller.abort()
      await this.running.done
    }
    const controller = new AbortController()
    const done = this.pass(controller.signal, opts.stale)
      .catch((err: Error) => {
        if (this.db.open) console.error(`[lesesaal] difficulty: ${err.message}`)
      })
      .finally(() => {
        if (this.running?.controller === controller) this.running = null
      })
    this.running = { controller, done }
    await done
  }

  private async pass(signal: AbortSignal, stale: boolean): Promise<void> {
    await this.ready()
    const { fp, strict, names } = this.lexiconState()
    const built = await buildProfiles(
      this.db,
      this.lexicon,
      this.numbers,
      names,
      { fp, strict },
      () => this.statusMap(),
      () => this.statusVersion(),
      {
        signal,
        stale,
        onProgress: (done, total) => this.emit('study.progress', { done, total }),
      },
    )
    if (signal.aborted || !this.db.open) return
    if (stale) this.profilesCurrentFor = fp
    let recomputed = false
    if (this.sharesStale()) {
      const version = this.statusVersion()
      const status = statusArray(this.numbers, this.statusMap())
      recomputed = await recomputeShares(this.db, status, version, { signal })
      if (recomputed && this.db.open) setSetting(this.db, SHARES_VERSION, String(version))
    }
    if ((built || recomputed) && !signal.aborted)
      this.emit('study.changed', { reason: 'difficulty' })
  }

  /** Waits for a running pass (tests, the benchmark). */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      if (this.timer) {
        clearTimeout(this.timer)
        this.timer = undefined
        await this.runPass({ stale: true })
      } else await this.running?.done
    }
  }

  /** Stops background work (the library is closing). */
  stop(): void {
    this.closed = true
    clearTimeout(this.timer)
    this.timer = undefined
    this.running?.controller.abort()
  }
}
