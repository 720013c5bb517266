/**
 * Difficulty for the whole library, in the background and bounded: article profiles are built
 * and unknown shares recomputed in time slices of a few milliseconds, yielding to the event
 * loop between slices, with progress and an AbortSignal. A status change only needs the shares
 * (the profiles stay); a new or changed article needs its profile.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Lexicon } from '../lexicon/lookup'
import { analyseArticle, encodeProfile, type ArticleAnalysis, type LemmaNumbers } from './profile'
import { IGNORED } from './words'

/** How long one slice may hold the event loop. */
const SLICE_MS = 12

export interface PassOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  sliceMs?: number
  /** Profiles read at a time. */
  rows?: number
  /** After each slice: how long it held the event loop (wall) and the CPU it used, in ms. */
  onSlice?: (wallMs: number, cpuMs: number) => void
}

/** Runs one slice of work, timing it for `onSlice`. */
function timed<T>(options: PassOptions, work: () => T): T {
  if (!options.onSlice) return work()
  const wall = performance.now()
  const cpu = process.cpuUsage()
  const out = work()
  const used = process.cpuUsage(cpu)
  options.onSlice(performance.now() - wall, (used.user + used.system) / 1000)
  return out
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

function aborted(signal?: AbortSignal): boolean {
  return signal?.aborted === true
}

/** The title and paragraphs of an article, or null when it is gone. */
export function articleTexts(db: Db, id: number): string[] | null {
  const title = stmt(db, 'SELECT title FROM articles WHERE id = ?').pluck().get(id) as
    string | undefined
  if (title === undefined) return null
  const paragraphs = stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
  return [title, ...paragraphs]
}

/** Status per lemma number (0 new … 6 ignored) from the statuses by lemma key. */
export function statusArray(numbers: LemmaNumbers, statuses: Map<string, number>): Uint8Array {
  const keys = numbers.all()
  const out = new Uint8Array(keys.length + 1)
  keys.forEach((key, id) => {
    if (key !== undefined) out[id] = statuses.get(key) ?? 0
  })
  return out
}

/** Stores an article's profile with its share under the current statuses. */
export function storeProfile(
  db: Db,
  numbers: LemmaNumbers,
  articleId: number,
  analysis: ArticleAnalysis,
  fingerprint: string,
  statuses: Map<string, number>,
  version: number,
): void {
  const pairs: [number, number][] = []
  let unknown = 0
  let ignored = 0
  for (const [key, count] of analysis.counts) {
    pairs.push([numbers.idOf(key), count])
    const s = statuses.get(key) ?? 0
    if (s <= 4) unknown += count
    else if (s === IGNORED) ignored += count
  }
  stmt(
    db,
    `INSERT INTO study_profiles (article_id, lexicon, words, skipped, lemmas) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET lexicon = excluded.lexicon, words = excluded.words,
       skipped = excluded.skipped, lemmas = excluded.lemmas`,
  ).run(articleId, fingerprint, analysis.words, analysis.skipped, encodeProfile(pairs))
  storeShare(db, articleId, unknown, analysis.words - ignored, version)
}

/** Stores an article's unknown and counted running words. */
export function storeShare(
  db: Db,
  articleId: number,
  unknown: number,
  counted: number,
  version: number,
): void {
  stmt(
    db,
    `INSERT INTO study_shares (article_id, unknown, counted, version) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET unknown = excluded.unknown, counted = excluded.counted,
       version = excluded.version`,
  ).run(articleId, unknown, counted, version)
}

/**
 * Builds the profiles of articles that have none (and, with `stale`, of those built with
 * another lexicon). Returns how many were built.
 */
export async function buildProfiles(
  db: Db,
  lexicon: Lexicon,
  numbers: LemmaNumbers,
  names: ReadonlySet<string>,
  lexiconState: { fp: string; strict: boolean },
  statuses: () => Map<string, number>,
  version: () => number,
  options: PassOptions & { stale?: boolean } = {},
): Promise<number> {
  const ids = stmt(
    db,
    options.stale
      ? `SELECT a.id FROM articles a LEFT JOIN study_profiles p ON p.article_id = a.id
         WHERE p.article_id IS NULL OR p.lexicon <> ? ORDER BY p.article_id IS NOT NULL, a.id`
      : `SELECT a.id FROM articles a WHERE NOT EXISTS
           (SELECT 1 FROM study_profiles p WHERE p.article_id = a.id) AND ? IS NOT NULL ORDER BY a.id`,
  )
    .pluck()
    .all(lexiconState.fp) as number[]
  const slice = options.sliceMs ?? SLICE_MS
  let done = 0
  while (done < ids.length) {
    if (aborted(options.signal) || !db.open) break
    const started = performance.now()
    db.transaction(() => {
      while (done < ids.length && performance.now() - started < slice) {
        const id = ids[done++]!
        const texts = articleTexts(db, id)
        if (!texts) continue
        const analysis = analyseArticle(lexicon, names, texts, lexiconState.strict)
        storeProfile(db, numbers, id, analysis, lexiconState.fp, statuses(), version())
      }
    })()
    options.onProgress?.(done, ids.length)
    await nextTick()
  }
  return done
}

/**
 * Recomputes every article's unknown share from its profile under `status`, and in how many
 * articles each lemma occurs. Returns false when it was stopped before the end.
 */
export async function recomputeShares(
  db: Db,
  status: Uint8Array,
  version: number,
  options: PassOptions = {},
): Promise<boolean> {
  const total = stmt(db, 'SELECT count(*) FROM study_profiles').pluck().get() as number
  const sliceMs = options.sliceMs ?? SLICE_MS
  const read = stmt(
    db,
    `SELECT p.article_id, p.words, p.lemmas, s.unknown, s.counted FROM study_profiles p
     LEFT JOIN study_shares s ON s.article_id = p.article_id
     WHERE p.article_id > ? ORDER BY p.article_id LIMIT ?`,
  ).raw()
  const rowsAtOnce = options.rows ?? 16
  const top =
    (stmt(db, 'SELECT coalesce(max(id), 0) FROM study_lemmas').pluck().get() as number) + 1
  const articlesPerLemma = new Int32Array(top)
  let after = 0
  let done = 0
  let finished = false
  // one slice: read, compute and write (in one transaction) until its time is up
  const slice = db.transaction(() => {
    const started = performance.now()
    while (performance.now() - started < sliceMs) {
      const rows = read.all(after, rowsAtOnce) as [
        number,
        number,
        Uint8Array,
        number | null,
        number | null,
      ][]
      if (rows.length === 0) {
        finished = true
        return
      }
      for (const [id, words, data, unknown, counted] of rows) {
        // the profile's varint pairs, decoded inline (this loop runs over every profile)
        let u = 0
        let ignored = 0
        let lemma = 0
        let i = 0
        const n = data.length
        while (i < n) {
          let b = data[i++]!
          let delta = b & 0x7f
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[i++]!
            delta |= (b & 0x7f) << shift
          }
          b = data[i++]!
          let count = b & 0x7f
          for (let shift = 7; b & 0x80; shift += 7) {
            b = data[i++]!
            count |= (b & 0x7f) << shift
          }
          lemma += delta
          if (lemma < top) articlesPerLemma[lemma]!++
          const s = status[lemma] ?? 0
          if (s <= 4) u += count
          else if (s === IGNORED) ignored += count
        }
        const c = words - ignored
        if (u !== unknown || c !== counted) storeShare(db, id, u, c, version)
        after = id
      }
      done += rows.length
    }
  })
  while (!finished) {
    if (aborted(options.signal) || !db.open) return false
    timed(options, slice)
    options.onProgress?.(done, total)
    if (!finished) await nextTick()
  }
  await storeArticleCounts(db, articlesPerLemma, options)
  return true
}

/** Writes in how many articles each lemma occurs (only the numbers that changed), in slices. */
async function storeArticleCounts(db: Db, counts: Int32Array, options: PassOptions): Promise<void> {
  const read = stmt(
    db,
    'SELECT id, articles FROM study_lemmas WHERE id > ? ORDER BY id LIMIT 128',
  ).raw()
  const update = stmt(db, 'UPDATE study_lemmas SET articles = ? WHERE id = ?')
  const slice = options.sliceMs ?? SLICE_MS
  let after = 0
  for (;;) {
    if (aborted(options.signal) || !db.open) return
    const started = performance.now()
    let finished = false
    timed(options, () =>
      db.transaction(() => {
        while (performance.now() - started < slice) {
          const rows = read.all(after) as [number, number][]
          if (rows.length === 0) {
            finished = true
            return
          }
          for (const [id, articles] of rows) {
            const n = counts[id] ?? 0
            if (n !== articles) update.run(n, id)
            after = id
          }
        }
      })(),
    )
    if (finished) return
    await nextTick()
  }
}
