/**
 * The parts of the parallel-reading benchmark that need the corpus at scale or the seeds: import
 * throughput with and without story signatures (fresh processes), the suggestion batch, and
 * the five real reports of one event (read from a folder given on the command line).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiResults, MethodName } from '../shared/contract'
import { createCore, type Core } from '../electron/core'
import { markdown } from '../tests/fixtures/parallel/gold'
import type { BenchArticle } from './corpus'

const here = import.meta.dirname
const r3 = (x: number) => Math.round(x * 1000) / 1000
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: unknown,
): Promise<ApiResults[M]> {
  const r = await core.invoke(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as ApiResults[M]
}

export async function seedsCheck(dir: string, corpus: BenchArticle[] | null) {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-seeds-'))
  try {
    const core = createCore({
      libraryPath: join(work, 's.sqlite'),
      resourcesPath: join(here, '../resources'),
      canImportPaths: true,
    })
    // distractors first: the corpus's first 2,026 articles as plain text
    if (corpus) {
      const files = corpus.slice(0, 2026).map((a, i) => ({
        name: `c${i}.md`,
        data: Buffer.from(
          markdown({
            title: a.title.replace(/\n/g, ' '),
            outlet: 'Korpus',
            published: a.published ?? '2019-04-20',
            paragraphs: a.paragraphs,
          }),
        ).toString('base64'),
      }))
      for (let i = 0; i < files.length; i += 200)
        await core.invoke('import.files', { files: files.slice(i, i + 200) })
    }
    const paths = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(dir, f))
    const imported = await call(core, 'import.paths', { paths })
    const seedIds = imported.results.map((r) => r.id).filter((id): id is number => id !== null)
    const t = performance.now()
    const suggestions = await call(core, 'story.suggest', {})
    const suggestMs = performance.now() - t
    const best = suggestions
      .map((s) => ({ s, hit: s.articles.filter((a) => seedIds.includes(a)).length }))
      .sort((a, b) => b.hit - a.hit)[0]
    const times: number[] = []
    for (let k = 0; k < 8; k++) {
      const t1 = performance.now()
      await call(core, 'align.articles', { ids: seedIds })
      times.push(performance.now() - t1)
    }
    const aligned = await call(core, 'align.articles', { ids: seedIds })
    core.close()
    return {
      seeds: seedIds.length,
      library: seedIds.length + (corpus ? 2026 : 0),
      groupedTogether: best?.hit ?? 0,
      othersInThatGroup: best ? best.s.articles.length - best.hit : 0,
      suggestions: suggestions.length,
      suggestMs: r3(suggestMs),
      alignP50Ms: r3(p50(times.slice(1))),
      pairs: aligned.pairs.length,
      sentences: aligned.articles.reduce((n, a) => n + a.sentences.length, 0),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export function importAtScale(corpusPath: string, scale: number) {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-import-'))
  try {
    const build = (mode: 'with' | 'without') =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            join(here, 'parallel-build.ts'),
            mode,
            join(work, `${mode}.sqlite`),
            corpusPath,
            String(scale),
          ],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 26,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        ),
      ) as Record<string, number>
    const without = build('without')
    const withStories = build('with')
    const n = scale
    return {
      articles: scale,
      withoutPerSecond: Math.round(without.importPerSecond!),
      withPerSecond: Math.round(withStories.importPerSecond!),
      ratio: r3(withStories.importPerSecond! / without.importPerSecond!),
      withoutPerCpuSecond: Math.round(without.importPerCpuSecond!),
      withPerCpuSecond: Math.round(withStories.importPerCpuSecond!),
      cpuRatio: r3(withStories.importPerCpuSecond! / without.importPerCpuSecond!),
      signatureMicrosPerArticle: Math.round((withStories.signatureCpuSeconds! / n) * 1e6),
      // as if the signatures were computed inside the import: CPU time of both
      inlineCpuRatio: r3(
        without.cpuSeconds! / (withStories.cpuSeconds! + withStories.signatureCpuSeconds!),
      ),
      suggestSeconds: r3(withStories.suggestSeconds!),
      groups: withStories.groups,
      similarP50Ms: r3(withStories.similarP50Ms!),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
