/**
 * The search section of `npm run bench`: Lesesaal's search beside SQLite FTS5
 * (unicode61 remove_diacritics 2, bm25) in the same run, on the same articles and queries:
 * import throughput, index build time, library file size, cold open to first result (fresh
 * process), serving RSS, query p50/p95, every keystroke of typed queries, morphological
 * recall/precision, and known-item MRR@10.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BuildFigures } from './build'
import { scaleCorpus, type BenchArticle } from './corpus'
import { keystrokes, knownItems, LEMMAS, TIMED_QUERIES, TYPED_QUERIES } from './queries'

const here = import.meta.dirname

interface ChildFigures {
  coldOpenMs: number
  processToFirstMs: number
  timings: number[]
  shownTimings: number[]
  keystrokeTimings: number[]
  lemmaResults: Record<string, number[]>
  knownResults: number[][]
  rssBytes: number
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

function measure(
  repeat: number,
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
      keystrokes: keystrokes(),
      repeat,
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

export async function runSearchBench(opts: {
  corpus: string
  base: BenchArticle[]
  scales: number[]
  repeat: number
  known: number
}): Promise<{ table: string; figures: unknown }> {
  const results: Record<string, unknown>[] = []
  for (const scale of opts.scales) {
    const articles = scaleCorpus(opts.base, scale)
    const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-'))
    const known = knownItems(articles, opts.known)
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
            opts.corpus,
            String(scale),
          ],
          { maxBuffer: 1 << 26, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        ),
      ) as BuildFigures
      console.error(`   ${system}: built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      const child = measure(opts.repeat, system, path, known, work)
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
        keystrokes: child.keystrokeTimings.length,
        keystrokeP50Ms: Number(percentile(child.keystrokeTimings, 50).toFixed(2)),
        keystrokeP95Ms: Number(percentile(child.keystrokeTimings, 95).toFixed(2)),
        keystrokeMaxMs: Number(Math.max(...child.keystrokeTimings).toFixed(2)),
        keystrokeTimings: child.keystrokeTimings.map((t) => Number(t.toFixed(2))),
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
  lines.push(
    '',
    `Typing: every keystroke of ${TYPED_QUERIES.length} typed queries, each once (Lesesaal: a page of 30 with snippets, the last word as typed; FTS5: the words so far, the last as a prefix, top 30 by bm25)`,
    '',
    '| articles | system | keystrokes | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|',
  )
  for (const r of results)
    for (const system of ['lesesaal', 'fts5'] as const) {
      const s = r[system] as Record<string, unknown>
      lines.push(
        `| ${r.articles} | ${system === 'lesesaal' ? 'Lesesaal' : 'SQLite FTS5'} | ${fmt(s.keystrokes)} | ${fmt(s.keystrokeP50Ms)} | ${fmt(s.keystrokeP95Ms)} | ${fmt(s.keystrokeMaxMs)} |`,
      )
    }
  return {
    table: lines.join('\n'),
    figures: { typed: keystrokes().map((k) => k.typed), scales: results },
  }
}
