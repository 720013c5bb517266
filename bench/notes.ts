/**
 * Notes figures, each beside its peer measured in the same run:
 * - re-anchoring 1,000 highlights in an updated 3,000-word article (a paragraph inserted,
 *   words changed, sentences moved, passages deleted) vs Hypothesis's `matchQuote` run for
 *   every highlight as its client does (exact search, then fuzzy, scored; no diff);
 * - the notes overview's first page with 10,000 highlights (the API call that feeds it)
 *   vs one plain indexed SELECT of the newest 100 highlights;
 * - search with the notes part vs the same queries on a copy of the library without notes
 *   (the same articles and index; the queries interleaved, so both see the same machine).
 * Articles come from the corpus when one is given, else from generated German-like text.
 */
import approxSearch from 'approx-string-match'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../electron/core'
import { insertArticle } from '../electron/core/library/articles'
import { createHighlight } from '../electron/core/notes/highlights'
import { saveNote } from '../electron/core/notes/notes'
import { setTags } from '../electron/core/notes/tags'
import { eachWord } from '../electron/core/search/analyzer'
import { reanchorAll } from '../electron/core/versions/update'
import { articleText } from '../shared/text'
import { articleRow } from './build'
import { rng, type BenchArticle } from './corpus'
import { TIMED_QUERIES } from './queries'

const HIGHLIGHTS_IN_ARTICLE = 1000
const OVERVIEW_HIGHLIGHTS = 10_000
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
const TAGS = ['Sicherheit', 'Wirtschaft', 'Zitat', 'Nachfragen', 'Hintergrund', 'Zahlen']

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const round = (n: number, d = 2) => Number(n.toFixed(d))

// Generated text when no corpus is given: German words of our own, in plain sentences.
const WORDS =
  'Regierung Hafen Gewerkschaft Streik Minister Sicherheit Verhandlung Einigung Forderung Lohn Stadt Region Bericht Sprecher Vertrag Gipfel Erklärung Zukunft Haushalt Wirtschaft Kabel Schiff Küste Beschäftigte Verband Gericht Urteil Wahl Partei Koalition Debatte Antrag Gesetz Grenze Handel Energie Preis Markt Woche Jahr'.split(
    ' ',
  )
const VERBS = 'sagte fordert plant prüft lehnt erwartet meldet kritisiert begrüßt verlangt'.split(
  ' ',
)

function generated(count: number): BenchArticle[] {
  const r = rng(7)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const sentence = () =>
    `Die ${pick(WORDS)} ${pick(VERBS)} ${Array.from({ length: 5 + Math.floor(r() * 10) }, () => pick(WORDS).toLowerCase()).join(' ')} in ${pick(WORDS)}.`
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${i}`,
    family: i + 1,
    title: `${pick(WORDS)} und ${pick(WORDS)}`,
    paragraphs: Array.from({ length: 4 + Math.floor(r() * 5) }, () =>
      Array.from({ length: 2 + Math.floor(r() * 4) }, sentence).join(' '),
    ),
    published: `2025-0${1 + (i % 9)}-1${i % 10}`,
  }))
}

/** A long article of at least 3,000 words, built from whole paragraphs of the corpus. */
function longArticle(articles: BenchArticle[]): string[] {
  const out: string[] = []
  let words = 0
  for (const a of articles) {
    for (const p of a.paragraphs) {
      // news paragraphs are short: three sentences each
      const sentences = p.split(/(?<=[.!?])\s+/)
      for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '))
      words += p.split(/\s+/).length
    }
    if (words >= 3000) break
  }
  return out
}

/** The same article, updated as outlets update: a paragraph in front, words changed, sentences moved, passages gone. */
function updated(paragraphs: string[], seed: number): string[] {
  const r = rng(seed)
  const out = [...paragraphs]
  const sentences = (i: number) => out[i]!.split(/(?<=[.!?])\s+/)
  // 40 words replaced here and there
  for (let k = 0; k < 40; k++) {
    const i = Math.floor(r() * out.length)
    const words = out[i]!.split(' ')
    if (words.length > 3) words[1 + Math.floor(r() * (words.length - 2))] = 'Ersatzwort'
    out[i] = words.join(' ')
  }
  // 6 sentences moved to another paragraph
  for (let k = 0; k < 6; k++) {
    const from = Math.floor(r() * out.length)
    const parts = sentences(from)
    if (parts.length < 2) continue
    const [moved] = parts.splice(Math.floor(r() * parts.length), 1)
    out[from] = parts.join(' ')
    const to = Math.floor(r() * out.length)
    out[to] = `${out[to]} ${moved}`
  }
  // two paragraphs deleted, one inserted in front
  out.splice(Math.floor(out.length / 2), 1)
  out.splice(Math.floor(out.length / 3), 1)
  return ['Aktualisiert: Die Redaktion hat den Text um neue Angaben ergänzt.', ...out]
}

/** Random spans of 2 to 12 whole words. */
function spans(text: string, n: number, seed: number): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = []
  eachWord(text, (_w, start, end) => words.push({ start, end }))
  if (words.length < 14) return []
  const r = rng(seed)
  return Array.from({ length: n }, () => {
    const i = Math.floor(r() * (words.length - 12))
    const len = 2 + Math.floor(r() * 11)
    return { start: words[i]!.start, end: words[i + len - 1]!.end }
  })
}

/** Hypothesis's `matchQuote` (anchoring/match-quote.ts), as its client runs it per annotation. */
function hypothesisMatch(
  text: string,
  q: { exact: string; prefix: string; suffix: string; start: number },
): { start: number; end: number } | null {
  const score = (t: string, s: string) => {
    if (!s.length || !t.length) return 0
    const m = approxSearch(t, s, s.length)
    return m.length ? 1 - m[0]!.errors / s.length : 0
  }
  let matches: { start: number; end: number; errors: number }[] = []
  for (let at = text.indexOf(q.exact); at !== -1; at = text.indexOf(q.exact, at + 1))
    matches.push({ start: at, end: at + q.exact.length, errors: 0 })
  if (!matches.length) matches = approxSearch(text, q.exact, Math.min(256, q.exact.length / 2))
  let best: { start: number; end: number; s: number } | null = null
  for (const m of matches) {
    const s =
      (50 * (1 - m.errors / q.exact.length) +
        20 * score(text.slice(Math.max(0, m.start - q.prefix.length), m.start), q.prefix) +
        20 * score(text.slice(m.end, m.end + q.suffix.length), q.suffix) +
        2 * (1 - Math.abs(m.start - q.start) / text.length)) /
      92
    if (!best || s > best.s) best = { start: m.start, end: m.end, s }
  }
  return best
}

function timeReanchoring(core: Core, articles: BenchArticle[]) {
  const before = longArticle(articles)
  const after = updated(before, 11)
  const oldText = articleText(before)
  const words = oldText.split(/\s+/).length
  const row = articleRow({
    id: 'long',
    family: 0,
    title: 'Lang',
    paragraphs: before,
    published: null,
  })
  const id = core.db.transaction(() =>
    insertArticle(core.db, { ...row, hash: 'bench-long-article' }),
  )()
  const targets = spans(oldText, HIGHLIGHTS_IN_ARTICLE, 5)
  core.db.transaction(() => {
    for (const s of targets)
      createHighlight(core.db, { article: id, placement: s, color: 'yellow', tags: [] })
  })()
  const rows = core.db
    .prepare(
      'SELECT id, exact, prefix, suffix, start_pos AS start FROM highlights WHERE article_id = ?',
    )
    .all(id) as { id: number; exact: string; prefix: string; suffix: string; start: number }[]
  const wordsBefore = new Map(rows.map((r) => [r.id, r.exact]))
  const newText = articleText(after)
  const ours: number[] = []
  const peer: number[] = []
  let counts = { anchored: 0, moved: 0, orphan: 0 }
  let sameWords = 0
  for (let k = 0; k < 7; k++) {
    core.db.exec('BEGIN')
    let t = performance.now()
    counts = reanchorAll(core.db, id, before, after)
    ours.push(performance.now() - t)
    if (k === 0) {
      // of the highlights found, how many stand on the very words they had (the others
      // followed words the update changed)
      const found = core.db
        .prepare("SELECT id, exact FROM highlights WHERE article_id = ? AND status != 'orphan'")
        .all(id) as { id: number; exact: string }[]
      sameWords = found.filter((f) => wordsBefore.get(f.id) === f.exact).length
    }
    core.db.exec('ROLLBACK')
    t = performance.now()
    for (const q of rows) hypothesisMatch(newText, q)
    peer.push(performance.now() - t)
  }
  return {
    words,
    highlights: rows.length,
    counts,
    foundOnSameWords: sameWords,
    oursMedianMs: round(percentile(ours.slice(1), 50)),
    oursMaxMs: round(Math.max(...ours.slice(1))),
    peerMedianMs: round(percentile(peer.slice(1), 50)),
  }
}

async function fillNotes(core: Core, articleIds: number[]) {
  const r = rng(3)
  const db = core.db
  const texts = new Map<number, string>()
  db.transaction(() => {
    for (let i = 0; i < OVERVIEW_HIGHLIGHTS; i++) {
      const article = articleIds[Math.floor(r() * articleIds.length)]!
      let text = texts.get(article)
      if (!text) {
        text = articleText(
          db
            .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
            .pluck()
            .all(article) as string[],
        )
        texts.set(article, text)
      }
      const [span] = spans(text, 1, i + 100)
      if (!span || span.end <= span.start) continue
      const h = createHighlight(db, {
        article,
        placement: span,
        color: COLORS[i % COLORS.length]!,
        tags: i % 5 === 0 ? [TAGS[i % TAGS.length]!] : [],
      })
      if (i % 3 === 0) {
        // a note in the user's words: a sentence of the article, reworded a little
        const words = text.slice(span.start, span.end)
        saveNote(db, {
          guid: `bench-note-${i}`,
          target: { kind: 'highlight', id: h.id },
          body: `Nachfragen: ${words} (siehe ${TAGS[i % TAGS.length]})`,
        })
      }
    }
    setTags(db, 'article', articleIds[0]!, ['Sicherheit'])
  })()
}

async function timeOverview(core: Core) {
  const call = async (input: Record<string, unknown>) => {
    const r = await core.invoke('notes.list', input)
    if (!r.ok) throw new Error(r.error.message)
  }
  const measure = async (input: Record<string, unknown>) => {
    await call(input)
    const ts: number[] = []
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      await call(input)
      ts.push(performance.now() - t)
    }
    return { p50: round(percentile(ts, 50)), p95: round(percentile(ts, 95)) }
  }
  const plain = core.db.prepare('SELECT * FROM highlights ORDER BY updated_at DESC LIMIT 100')
  const peer: number[] = []
  for (let i = 0; i < 30; i++) {
    const t = performance.now()
    plain.all()
    peer.push(performance.now() - t)
  }
  const facets: number[] = []
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    await core.invoke('notes.facets', {})
    facets.push(performance.now() - t)
  }
  return {
    highlights: core.db.prepare('SELECT count(*) FROM highlights').pluck().get() as number,
    firstPage: await measure({}),
    byTag: await measure({ tag: 'Zitat' }),
    byColor: await measure({ color: 'green' }),
    page50: await measure({ offset: 5000 }),
    facetsP95: round(percentile(facets, 95)),
    plainSelectP95: round(percentile(peer, 95), 3),
  }
}

/**
 * Each query on the libraries in turn (which goes first rotates by round, so none gains from
 * its place), fifty rounds after a warm-up; a query's time is the median of its rounds (this
 * machine is shared: a single slow round says more about the neighbours than about the
 * query), and p50/p95 are taken over the queries. `control`, a second copy of the library
 * without notes, measures the noise: what the same library "adds" to itself.
 */
async function timeSearch(withNotes: Core, without: Core, control: Core) {
  const ROUNDS = 50
  const full = TIMED_QUERIES.map(() => [] as number[])
  const plain = TIMED_QUERIES.map(() => [] as number[])
  const same = TIMED_QUERIES.map(() => [] as number[])
  let inNotes = 0
  for (let roundNo = 0; roundNo <= ROUNDS; roundNo++) {
    for (const [q, query] of TIMED_QUERIES.entries()) {
      const all = [
        [withNotes, full],
        [without, plain],
        [control, same],
      ] as const
      const turn = roundNo % all.length
      for (const [core, into] of [...all.slice(turn), ...all.slice(0, turn)]) {
        const t = performance.now()
        const r = await core.invoke('search.query', { query: query.query, limit: 10 })
        const ms = performance.now() - t
        if (!r.ok) throw new Error(r.error.message)
        if (roundNo > 0) into[q]!.push(ms)
        if (roundNo === 1 && core === withNotes && (r.value as { inNotes?: unknown }).inNotes)
          inNotes++
      }
    }
  }
  const perQuery = (xs: number[][]) => xs.map((x) => percentile(x, 50))
  const p95 = percentile(perQuery(full), 95)
  const p95plain = percentile(perQuery(plain), 95)
  const p95same = percentile(perQuery(same), 95)
  return {
    queries: TIMED_QUERIES.length,
    queriesFoundInNotes: inNotes,
    p50Ms: round(percentile(perQuery(full), 50), 3),
    p95Ms: round(p95, 3),
    plainP50Ms: round(percentile(perQuery(plain), 50), 3),
    plainP95Ms: round(p95plain, 3),
    addedPercent: round(((p95 - p95plain) / p95plain) * 100, 1),
    /** The control against the peer: the same library, so any difference is noise. */
    noisePercent: round(((p95same - p95plain) / p95plain) * 100, 1),
  }
}

/**
 * The three libraries the search is timed on, each written by VACUUM INTO so that they are
 * laid out alike: this library as it is (`withNotes`); the peer, a copy from which every
 * note, highlight and tag is deleted, so the two differ in the user's notes alone; and the
 * control, a second copy of the peer. All are left closed: every library is timed on a
 * connection opened for the timing (one that has just run VACUUM answers 5–8 % faster than a
 * fresh one on the same file, and a file compacted in place is laid out a little differently).
 */
async function timedLibraries(
  core: Core,
  paths: { withNotes: string; peer: string; control: string; scratch: string },
): Promise<void> {
  core.search.drain()
  core.db.prepare('VACUUM INTO ?').run(paths.withNotes)
  core.db.prepare('VACUUM INTO ?').run(paths.scratch)
  const without = createCore({ libraryPath: paths.scratch })
  try {
    without.db.transaction(() => {
      for (const table of ['note_tags', 'highlight_tags', 'article_tags', 'notes', 'highlights'])
        without.db.prepare(`DELETE FROM ${table}`).run()
    })()
    await without.search.ready()
    const left = without.db
      .prepare('SELECT (SELECT count(*) FROM notes) + (SELECT count(*) FROM highlights)')
      .pluck()
      .get() as number
    if (left) throw new Error(`the peer library still has ${left} notes and highlights`)
    without.db.prepare('VACUUM INTO ?').run(paths.peer)
    without.db.prepare('VACUUM INTO ?').run(paths.control)
  } finally {
    without.close()
  }
}

/** Opens a library for timing, its search index ready. */
async function openForTiming(path: string): Promise<Core> {
  const core = createCore({ libraryPath: path })
  await core.search.ready()
  return core
}

/** Runs the notes benchmark; `articles` from the corpus, or null for generated ones. */
export async function runNotesBench(
  corpus: BenchArticle[] | null,
): Promise<{ table: string; figures: unknown }> {
  const articles = corpus ?? generated(2000)
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-notes-bench-'))
  try {
    const path = join(work, 'notes.sqlite')
    let core = createCore({ libraryPath: path })
    await core.search.ready()
    const ids: number[] = []
    for (let i = 0; i < articles.length; i += 1000) {
      core.db.transaction(() => {
        for (const a of articles.slice(i, i + 1000)) ids.push(insertArticle(core.db, articleRow(a)))
      })()
      core.search.drain({ flush: false })
    }
    core.search.drain()
    core.db.pragma('wal_checkpoint(TRUNCATE)')
    core.close()
    core = createCore({ libraryPath: path })
    console.error(`   notes: ${articles.length} articles stored`)
    const reanchor = timeReanchoring(core, articles)
    console.error('   notes: re-anchoring timed')
    await fillNotes(core, ids)
    console.error(`   notes: ${OVERVIEW_HIGHLIGHTS} highlights made`)
    const overview = await timeOverview(core)
    await core.search.ready()
    const timed = {
      withNotes: join(work, 'timed.sqlite'),
      peer: join(work, 'plain.sqlite'),
      control: join(work, 'control.sqlite'),
      scratch: join(work, 'scratch.sqlite'),
    }
    await timedLibraries(core, timed)
    core.close()
    // all three opened alike, after every file was written
    core = await openForTiming(timed.withNotes)
    const without = await openForTiming(timed.peer)
    const control = await openForTiming(timed.control)
    const search = await timeSearch(core, without, control)
    control.close()
    without.close()
    core.close()
    const table = [
      '| measure | Lesesaal | peer | target |',
      '|---|---|---|---|',
      `| re-anchor ${reanchor.highlights} highlights in an updated ${reanchor.words}-word article, median / max ms | ${reanchor.oursMedianMs} / ${reanchor.oursMaxMs} | ${reanchor.peerMedianMs} (Hypothesis matchQuote per highlight) | < 100 |`,
      `| … of which in place / moved / orphans; found on the same words | ${reanchor.counts.anchored} / ${reanchor.counts.moved} / ${reanchor.counts.orphan}; ${reanchor.foundOnSameWords} | – | – |`,
      `| notes overview, first page of ${overview.highlights} highlights, p50 / p95 ms | ${overview.firstPage.p50} / ${overview.firstPage.p95} | ${overview.plainSelectP95} (plain SELECT, p95) | < 200 |`,
      `| … filtered by tag / colour, page at offset 5,000, p95 ms | ${overview.byTag.p95} / ${overview.byColor.p95} / ${overview.page50.p95} | – | < 200 |`,
      `| … the filters' facets, p95 ms | ${overview.facetsP95} | – | – |`,
      `| search.query with notes, p50 / p95 ms (${search.queries} queries, ${search.queriesFoundInNotes} found in notes) | ${search.p50Ms} / ${search.p95Ms} | ${search.plainP50Ms} / ${search.plainP95Ms} (no notes) | p95 + < 10 %: ${search.addedPercent} % (noise, the peer against a copy of itself: ${search.noisePercent} %) |`,
    ].join('\n')
    return { table, figures: { articles: articles.length, reanchor, overview, search } }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
