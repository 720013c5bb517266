/**
 * Runs in a fresh process per system: opens the library cold, answers the first query, then
 * times every query, collects the result sets for recall/precision and known-item ranks, and
 * reports the resident memory while serving.
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { createCore } from '../electron/core'
import type { Keystroke, KnownItem, TimedQuery } from './queries'

interface Input {
  system: 'lesesaal' | 'fts5'
  library: string
  timed: TimedQuery[]
  lemmas: string[]
  known: KnownItem[]
  keystrokes: Keystroke[]
  repeat: number
}

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Input

interface Engine {
  /** The ten best articles with their titles: the same work for both systems. */
  top10: (q: TimedQuery | KnownItem) => Promise<number[]>
  /** What the app shows: for Lesesaal also the snippets with highlights. */
  shown: (q: TimedQuery) => Promise<unknown>
  all: (lemma: string) => Promise<number[]>
  /** One keystroke in the search field: a page of 30 as the app shows it. */
  keystroke: (k: Keystroke) => Promise<unknown>
}

async function open(): Promise<Engine> {
  if (input.system === 'lesesaal') {
    const core = createCore({ libraryPath: input.library })
    const title = core.db.prepare('SELECT title FROM articles WHERE id = ?').pluck()
    return {
      top10: async (q) => {
        const hits = (await core.search.search(q.query, {}, 10, 0)).hits
        for (const h of hits) title.get(h.articleId)
        return hits.map((h) => h.articleId)
      },
      shown: async (q) => {
        const r = await core.invoke('search.query', { query: q.query, limit: 10 })
        if (!r.ok) throw new Error(r.error.message)
        return r.value
      },
      all: async (lemma) =>
        (await core.search.search(lemma, {}, 1e9, 0)).hits.map((h) => h.articleId),
      keystroke: async (k) => {
        const r = await core.invoke('search.query', {
          query: k.query,
          limit: 30,
          asYouType: k.asYouType,
        })
        if (!r.ok) throw new Error(r.error.message)
        return r.value
      },
    }
  }
  const db = new Database(input.library, { readonly: true })
  const top = db.prepare(
    'SELECT a.id, a.title FROM (SELECT rowid, bm25(fts) AS s FROM fts WHERE fts MATCH ? ORDER BY s LIMIT 10) f JOIN articles a ON a.id = f.rowid ORDER BY f.s',
  )
  const all = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck()
  const top10 = async (q: TimedQuery | KnownItem) =>
    (top.all(q.fts) as { id: number }[]).map((r) => r.id)
  const top30 = db.prepare(
    'SELECT a.id, a.title FROM (SELECT rowid, bm25(fts) AS s FROM fts WHERE fts MATCH ? ORDER BY s LIMIT 30) f JOIN articles a ON a.id = f.rowid ORDER BY f.s',
  )
  return {
    top10,
    shown: top10,
    all: async (lemma) => all.all(`"${lemma}"`) as number[],
    keystroke: async (k) => top30.all(k.fts),
  }
}

const started = performance.now()
const engine = await open()
const first = await engine.top10(input.timed[0]!)
const coldOpenMs = performance.now() - started
const processToFirstMs = performance.now()

const timings: number[] = []
const shownTimings: number[] = []
for (let r = 0; r < input.repeat + 1; r++) {
  for (const q of input.timed) {
    let t = performance.now()
    await engine.top10(q)
    if (r > 0) timings.push(performance.now() - t) // the first round warms up
    t = performance.now()
    await engine.shown(q)
    if (r > 0) shownTimings.push(performance.now() - t)
  }
}
// typing: every keystroke of a few queries, each once, as a user types them
const keystrokeTimings: number[] = []
for (const k of input.keystrokes) {
  const t = performance.now()
  await engine.keystroke(k)
  keystrokeTimings.push(performance.now() - t)
}
const lemmaResults: Record<string, number[]> = {}
for (const lemma of input.lemmas) lemmaResults[lemma] = await engine.all(lemma)
const knownResults: number[][] = []
for (const k of input.known) knownResults.push(await engine.top10(k))
const rssBytes = process.memoryUsage().rss

process.stdout.write(
  JSON.stringify({
    coldOpenMs,
    processToFirstMs,
    firstHits: first.length,
    timings,
    shownTimings,
    keystrokeTimings,
    lemmaResults,
    knownResults,
    rssBytes,
  }),
)
