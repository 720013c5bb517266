/**
 * One timed pass of one extractor over the extraction set, in a process of its own
 * (`node --import tsx bench/extraction-child.ts lesesaal|readability DIR`), so neither system
 * pays for the other's garbage and heap: run in the same process, each slowed the other
 * (Lesesaal's pass took 1.5–2 × as long after Readability's as alone). Warms up on the first
 * ten pages, then prints the pass's wall and CPU milliseconds as JSON.
 */
import { loadParsers } from '../electron/core/import/parsers'
import { lesesaal, readability } from './extraction'
import { loadExtractionSet } from './extraction-score'

const [system, dir] = process.argv.slice(2)
const extract = system === 'lesesaal' ? lesesaal : system === 'readability' ? readability : null
if (!extract || !dir) {
  console.error('usage: extraction-child.ts lesesaal|readability DIR')
  process.exit(1)
}
await loadParsers()
const { pages } = loadExtractionSet(dir)
for (const p of pages.slice(0, 10)) extract(p.bytes, p.name)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const c0 = cpu()
const t0 = performance.now()
for (const p of pages) extract(p.bytes, p.name)
const wallMs = performance.now() - t0
process.stdout.write(JSON.stringify({ wallMs, cpuMs: cpu() - c0 }))
