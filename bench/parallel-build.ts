/**
 * Builds a library in a fresh process for the import-throughput comparison of parallel
 * reading: `node --import tsx bench/parallel-build.ts with|without LIBRARY CORPUS SCALE`.
 * `without`: the story triggers are dropped and no signatures are computed (the library as it
 * was before stories); `with`: the import journals the articles (as the app's does) and the
 * signatures are computed after it (as the app does in the background), timed apart.
 * Prints wall and CPU figures as JSON.
 */
import { createCore } from '../electron/core'
import { insertArticle } from '../electron/core/library/articles'
import { similarTo } from '../electron/core/stories/similar'
import { suggestStories } from '../electron/core/stories/suggest'
import { articleRow } from './build'
import { loadCorpus, scaleCorpus } from './corpus'

const [mode, library, corpus, scale] = process.argv.slice(2)
if (!mode || !library || !corpus || !scale) {
  console.error('usage: parallel-build.ts with|without LIBRARY CORPUS SCALE')
  process.exit(1)
}
const BATCH = 1000
const articles = scaleCorpus(loadCorpus(corpus), Number(scale))

const core = createCore({ libraryPath: library })
await core.search.ready()
if (mode === 'without')
  for (const t of [
    'story_journal_article_insert',
    'story_paragraph_insert',
    'story_paragraph_update',
    'story_paragraph_delete',
  ])
    core.db.exec(`DROP TRIGGER ${t}`)
const t0 = performance.now()
const cpu0 = process.cpuUsage()
for (let i = 0; i < articles.length; i += BATCH) {
  const batch = articles.slice(i, i + BATCH)
  core.db.transaction(() => {
    for (const a of batch) insertArticle(core.db, articleRow(a))
  })()
  core.search.drain({ flush: false })
  core.stories.afterChange()
}
core.search.drain()
const seconds = (performance.now() - t0) / 1000
// CPU time as well: the machine is shared, and wall time counts the neighbours' work too
const cpu = process.cpuUsage(cpu0)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const out: Record<string, number> = {
  importPerSecond: articles.length / seconds,
  seconds,
  importPerCpuSecond: articles.length / cpuSeconds,
  cpuSeconds,
}
if (mode === 'with') {
  const s0 = performance.now()
  const c0 = process.cpuUsage()
  core.stories.update()
  const c1 = process.cpuUsage(c0)
  out.signatureSeconds = (performance.now() - s0) / 1000
  out.signatureCpuSeconds = (c1.user + c1.system) / 1e6
  const t1 = performance.now()
  const table = core.stories.signatures.get()
  const groups = await suggestStories(core.db, table)
  out.suggestSeconds = (performance.now() - t1) / 1000
  out.groups = groups.length
  const times: number[] = []
  for (let k = 0; k < 20; k++) {
    const id = table.ids[Math.floor((k / 20) * table.ids.length)]!
    const t = performance.now()
    similarTo(core.db, table, id, 20)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  out.similarP50Ms = times[10]!
}
core.close()
process.stdout.write(JSON.stringify(out))
