/**
 * Builds one system's library in a fresh process that holds only the articles it imports
 * (`node --import tsx bench/build-child.ts SYSTEM LIBRARY CORPUS SCALE`), so a build is not
 * slowed by the benchmark's own memory. Prints the build figures as JSON.
 */
import { buildFts5, buildLesesaal } from './build'
import { loadCorpus, scaleCorpus } from './corpus'

const [system, library, corpus, scale] = process.argv.slice(2)
if (!system || !library || !corpus || !scale) {
  console.error('usage: build-child.ts lesesaal|fts5 LIBRARY CORPUS SCALE')
  process.exit(1)
}
const articles = scaleCorpus(loadCorpus(corpus), Number(scale))
const figures =
  system === 'lesesaal' ? await buildLesesaal(library, articles) : buildFts5(library, articles)
process.stdout.write(JSON.stringify(figures))
