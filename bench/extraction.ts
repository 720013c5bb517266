/**
 * `npm run bench -- --extraction DIR`: Lesesaal's HTML import beside Mozilla's Readability
 * alone, in the same run, on an annotated set of saved pages (`DIR/annotations.json`,
 * `DIR/pages/`; see extraction-score.ts for the scoring). Quality for the whole set, the
 * pages used while tuning and the held-out pages; speed as pages per second over several
 * rounds, each system's pass in a fresh process of its own (`extraction-child.ts`), the two in
 * turn (wall clock and CPU time, with their spread).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { decodeBytes, declaredHtmlCharset } from '../electron/core/import/decode'
import { loadParsers, parsers } from '../electron/core/import/parsers'
import { extractFile } from '../electron/core/import/pipeline'
import {
  addCounts,
  countPage,
  loadExtractionSet,
  NO_COUNTS,
  scores,
  type AnnotatedPage,
  type Counts,
  type Scores,
} from './extraction-score'

/** An extractor under test: the article text of a page, or null when it finds none. */
type Extractor = (bytes: Uint8Array, name: string) => string | null

/** Lesesaal's import: the stored paragraphs (what the reader shows as the article body). */
export const lesesaal: Extractor = (bytes, name) => {
  try {
    return extractFile(bytes, name).article.paragraphs.join('\n')
  } catch {
    return null
  }
}

/** Readability alone, on the same decoded text, through linkedom as in Lesesaal's fallback. */
export const readability: Extractor = (bytes) => {
  const { parseHTML, Readability } = parsers()
  const { text } = decodeBytes(bytes, declaredHtmlCharset(bytes))
  const article = new Readability(parseHTML(text).document as unknown as Document).parse()
  return article ? (article.textContent ?? '') : null
}

export interface QualityFigures {
  all: Scores
  tuning: Scores
  heldOut: Scores
  refused: number
}

export interface SpeedFigures {
  /** Median pages per second (wall clock), with the slowest and fastest round. */
  pagesPerSecond: number
  spread: [number, number]
  /** Pages per second of CPU time (less sensitive to a shared machine), median. */
  pagesPerCpuSecond: number
}

export interface ExtractionFigures {
  pages: number
  missing: string[]
  lesesaal: QualityFigures & SpeedFigures
  readability: QualityFigures & SpeedFigures
  /** Lesesaal's time over Readability's, median of the per-round ratios (wall clock). */
  timeRatio: number
  /** Pages Lesesaal refuses although Readability finds an article in them. */
  refusedWhereReadabilityFinds: string[]
  rounds: number
}

function quality(
  pages: (AnnotatedPage & { heldOut: boolean })[],
  texts: (string | null)[],
): QualityFigures {
  let all: Counts = NO_COUNTS
  let tuning: Counts = NO_COUNTS
  let heldOut: Counts = NO_COUNTS
  pages.forEach((p, i) => {
    const c = countPage(p, texts[i]!)
    all = addCounts(all, c)
    if (p.heldOut) heldOut = addCounts(heldOut, c)
    else tuning = addCounts(tuning, c)
  })
  return {
    all: scores(all),
    tuning: scores(tuning),
    heldOut: scores(heldOut),
    refused: texts.filter((t) => t === null).length,
  }
}

const wordCount = (text: string | null | undefined) => text?.match(/\p{L}+/gu)?.length ?? 0

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** Runs the extraction benchmark. */
export async function runExtractionBench(
  dir: string,
  rounds = 5,
): Promise<{ figures: ExtractionFigures; table: string }> {
  await loadParsers()
  const { pages, missing } = loadExtractionSet(dir)
  type System = 'lesesaal' | 'readability'
  // quality: each system once over every page, in this process
  const texts: Record<System, (string | null)[]> = {
    lesesaal: pages.map((p) => lesesaal(p.bytes, p.name)),
    readability: pages.map((p) => readability(p.bytes, p.name)),
  }
  // speed: each round, each system's pass in a fresh process of its own, the two in turn
  const wall: Record<System, number[]> = { lesesaal: [], readability: [] }
  const cpu: Record<System, number[]> = { lesesaal: [], readability: [] }
  const child = join(import.meta.dirname, 'extraction-child.ts')
  for (let r = 0; r < rounds; r++) {
    const order: System[] = r % 2 ? ['readability', 'lesesaal'] : ['lesesaal', 'readability']
    for (const system of order) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', child, system, dir], {
        encoding: 'utf8',
      })
      const pass = JSON.parse(out) as { wallMs: number; cpuMs: number }
      wall[system].push(pass.wallMs)
      cpu[system].push(pass.cpuMs)
    }
    console.error(
      `   extraction round ${r + 1}/${rounds}: lesesaal ${(pages.length / (wall.lesesaal[r]! / 1000)).toFixed(0)} pages/s, readability ${(pages.length / (wall.readability[r]! / 1000)).toFixed(0)} pages/s`,
    )
  }
  const speed = (system: System): SpeedFigures => {
    const pps = wall[system].map((ms) => pages.length / (ms / 1000))
    return {
      pagesPerSecond: median(pps),
      spread: [Math.min(...pps), Math.max(...pps)],
      pagesPerCpuSecond: median(cpu[system].map((ms) => pages.length / (ms / 1000))),
    }
  }
  const figures: ExtractionFigures = {
    pages: pages.length,
    missing,
    lesesaal: { ...quality(pages, texts.lesesaal), ...speed('lesesaal') },
    readability: { ...quality(pages, texts.readability), ...speed('readability') },
    timeRatio: median(wall.lesesaal.map((t, r) => t / wall.readability[r]!)),
    // Readability returns something for nearly any page; an article is some sentences of text
    refusedWhereReadabilityFinds: pages
      .filter((_, i) => texts.lesesaal[i] === null && wordCount(texts.readability[i]) >= 25)
      .map((p) => p.name),
    rounds,
  }
  return { figures, table: extractionTable(figures) }
}

const f3 = (n: number) => n.toFixed(3)

/** The benchmark's figures as a Markdown table. */
export function extractionTable(x: ExtractionFigures): string {
  const row = (name: string, s: QualityFigures & SpeedFigures) =>
    `| ${name} | ${f3(s.all.f1)} | ${f3(s.all.precision)} | ${f3(s.all.recall)} | ${f3(s.all.accuracy)} | ${f3(s.tuning.f1)} | ${f3(s.heldOut.f1)} (P ${f3(s.heldOut.precision)}, R ${f3(s.heldOut.recall)}) | ${s.refused} | ${s.pagesPerSecond.toFixed(0)} (${s.spread[0].toFixed(0)}–${s.spread[1].toFixed(0)}) | ${s.pagesPerCpuSecond.toFixed(0)} |`
  return [
    `HTML extraction, ${x.pages} pages, ${x.rounds} rounds:`,
    '',
    '| system | F1 | precision | recall | accuracy | F1 tuning pages | F1 held-out pages | refused | pages/s wall (spread) | pages/s CPU |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('Lesesaal', x.lesesaal),
    row('Readability alone', x.readability),
    '',
    `Lesesaal's time / Readability's: ${x.timeRatio.toFixed(2)} (median of rounds). Refused where Readability finds an article: ${x.refusedWhereReadabilityFinds.length}${x.refusedWhereReadabilityFinds.length ? ` (${x.refusedWhereReadabilityFinds.join(', ')})` : ''}.`,
  ].join('\n')
}
