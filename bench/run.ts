/**
 * `npm run bench -- --corpus PATH [--scale N[,N...]] [--out FILE]`
 *
 * Measures Lesesaal's search and SQLite FTS5 (unicode61 remove_diacritics 2, bm25) in the same
 * run, on the same articles and queries: import throughput, index build time, library file
 * size, cold open to first result (fresh process), serving RSS, query p50/p95, morphological
 * recall/precision, and known-item MRR@10. Prints a table and writes JSON.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BuildFigures } from './build'
import { loadCorpus, scaleCorpus, type BenchArticle } from './corpus'
import { knownItems, LEMMAS, TIMED_QUERIES } from './queries'
import { runGlossaryBench } from './glossary'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    scale: { type: 'string', default: '' },
    out: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    known: { type: 'string', default: '200' },
    skip: { type: 'string', default: '' },
    dict: { type: 'string' },
    // the UI with a real archive (bench/ui.ts); needs no corpus
    ui: { type: 'boolean', default: false },
    'ui-sizes': { type: 'string', default: '2000,100000' },
    'ui-peer': { type: 'string' },
    'ui-peer-sizes': { type: 'string' },
    'ui-import': { type: 'string', default: '200' },
  },
})
if (values.ui) {
  const { runUiBench, DEFAULT_PEER } = await import('./ui')
  const { table, figures } = await runUiBench({
    sizes: values['ui-sizes'].split(',').map(Number),
    peer: values['ui-peer'] ?? DEFAULT_PEER,
    peerSizes: (values['ui-peer-sizes'] ?? values['ui-sizes']).split(',').map(Number),
    importFiles: Number(values['ui-import']),
  })
  console.log(table)
  const file =
    values.out ??
    join(
      import.meta.dirname,
      'results',
      `ui-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    )
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), ui: figures }, null, 2))
  console.error(`\nwritten: ${file}`)
  process.exit(0)
}
if (!values.corpus) {
  console.error(
    'usage: npm run bench -- --corpus PATH [--scale 2026,20000,100000] [--dict DING_FILE] [--out FILE]\n   or: npm run bench -- --ui [--ui-sizes 2000,100000] [--ui-peer REV] [--ui-peer-sizes 2000] [--ui-import 200]',
  )
  process.exit(1)
}

const here = import.meta.dirname
const base = loadCorpus(values.corpus)
const scales = values.scale ? values.scale.split(',').map(Number) : [base.length]
const skip = new Set(values.skip.split(',').filter(Boolean))

interface ChildFigures {
  coldOpenMs: number
  processToFirstMs: number
  timings: number[]
  shownTimings: number[]
  lemmaResults: Record<string, number[]>
  knownResults: number[][]
  rssBytes: number
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

function measure(
  system: 'lesesaal' | 'fts5',
  library: string,
  known: ReturnType<typeof knownItems>,
  work: string,
): ChildFigures {
  const input = join(work, `${system}-input.json`)
  writeFileSync(
    input,
    JSON.stringify({
      system,
      library,
      timed: TIMED_QUERIES,
      lemmas: LEMMAS.map((l) => l.lemma),
      known,
      repeat: Number(values.repeat),
    }),
  )
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'child.ts'), input], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  })
  return JSON.parse(out) as ChildFigures
}

function quality(
  articles: BenchArticle[],
  child: ChildFigures,
  known: ReturnType<typeof knownItems>,
) {
  const texts = articles.map((a) => `${a.title}\n${a.paragraphs.join('\n')}`)
  const perLemma = LEMMAS.map((l) => {
    const truth = new Set<number>()
    texts.forEach((t, i) => l.pattern.test(t) && truth.add(i + 1))
    const found = new Set(child.lemmaResults[l.lemma])
    let hit = 0
    for (const id of found) if (truth.has(id)) hit++
    return {
      lemma: l.lemma,
      relevant: truth.size,
      found: found.size,
      recall: truth.size ? hit / truth.size : 1,
      precision: found.size ? hit / found.size : 1,
    }
  })
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const familyOf = (id: number) => articles[id - 1]?.family
  const mrr = mean(
    known.map((k, i) => {
      const rank = child.knownResults[i]!.findIndex((id) => familyOf(id) === k.family)
      return rank < 0 ? 0 : 1 / (rank + 1)
    }),
  )
  return {
    recall: mean(perLemma.map((l) => l.recall)),
    precision: mean(perLemma.map((l) => l.precision)),
    mrr10: mrr,
    perLemma,
  }
}

const results: Record<string, unknown>[] = []
// the glossary first, while this process holds no scaled corpus (its garbage collection would
// be measured too)
const glossary = skip.has('glossary') ? null : await runGlossaryBench(base, values.dict)

for (const scale of scales) {
  const articles = scaleCorpus(base, scale)
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-'))
  const known = knownItems(articles, Number(values.known))
  console.error(`\n== ${articles.length} articles`)
  const row: Record<string, unknown> = { articles: articles.length }
  for (const system of ['lesesaal', 'fts5'] as const) {
    const path = join(work, `${system}.sqlite`)
    const t = performance.now()
    // each build in a fresh process holding only its articles (the same for both systems)
    const build = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(here, 'build-child.ts'),
          system,
          path,
          values.corpus,
          String(scale),
        ],
        { maxBuffer: 1 << 26, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    ) as BuildFigures
    console.error(`   ${system}: built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const child = measure(system, path, known, work)
    const q = quality(articles, child, known)
    row[system] = {
      importPerSecond: Math.round(build.importPerSecond),
      indexBuildSeconds: Number(build.indexBuildSeconds.toFixed(2)),
      fileMB: Number((build.fileBytes / 1048576).toFixed(1)),
      coldOpenToFirstResultMs: Number(child.coldOpenMs.toFixed(1)),
      processStartToFirstResultMs: Number(child.processToFirstMs.toFixed(0)),
      servingRssMB: Number((child.rssBytes / 1048576).toFixed(1)),
      queryP50Ms: Number(percentile(child.timings, 50).toFixed(3)),
      queryP95Ms: Number(percentile(child.timings, 95).toFixed(3)),
      shownP50Ms: Number(percentile(child.shownTimings, 50).toFixed(3)),
      shownP95Ms: Number(percentile(child.shownTimings, 95).toFixed(3)),
      queries: TIMED_QUERIES.length,
      recall: Number(q.recall.toFixed(3)),
      precision: Number(q.precision.toFixed(3)),
      mrr10: Number(q.mrr10.toFixed(3)),
      knownItemQueries: known.length,
      perLemma: q.perLemma,
    }
  }
  results.push(row)
  rmSync(work, { recursive: true, force: true })
}

const fmt = (n: unknown) => String(n)
const lines = [
  '| articles | system | import + index, articles/s | index build s | file MB | cold open → first result ms | serving RSS MB | query p50 ms | query p95 ms | with snippets p50 / p95 ms | recall | precision | MRR@10 |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
]
for (const r of results) {
  for (const system of ['lesesaal', 'fts5'] as const) {
    const s = r[system] as Record<string, unknown>
    const shown = system === 'lesesaal' ? `${fmt(s.shownP50Ms)} / ${fmt(s.shownP95Ms)}` : '–'
    lines.push(
      `| ${r.articles} | ${system === 'lesesaal' ? 'Lesesaal' : 'SQLite FTS5'} | ${fmt(s.importPerSecond)} | ${fmt(s.indexBuildSeconds)} | ${fmt(s.fileMB)} | ${fmt(s.coldOpenToFirstResultMs)} | ${fmt(s.servingRssMB)} | ${fmt(s.queryP50Ms)} | ${fmt(s.queryP95Ms)} | ${shown} | ${fmt(s.recall)} | ${fmt(s.precision)} | ${fmt(s.mrr10)} |`,
    )
  }
}
console.log(lines.join('\n'))
if (glossary) console.log(`\n${glossary.table}`)

const outFile =
  values.out ??
  join(here, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(
  outFile,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      corpus: values.corpus,
      search: results,
      glossary: glossary?.figures ?? null,
    },
    null,
    2,
  ),
)
console.error(`\nwritten: ${outFile}`)
