/**
 * `npm run bench -- --text-import CORPUS.jsonl`: plain-text import through the `lesesaal`
 * command, as a user runs it: a folder of news articles written as .txt files (in the system's
 * temporary folder, never in the project), imported into a fresh library by a fresh process.
 * Files per second over the whole command, process start included, for several rounds.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TextImportFigures {
  files: number
  imported: number
  /** Median files per second over the rounds, with the slowest and fastest round. */
  filesPerSecond: number
  spread: [number, number]
  /** Files per second of the command's CPU time (user + system), median; null off Linux. */
  filesPerCpuSecond: number | null
  rounds: number
}

/** CPU seconds used by finished child processes (Linux: /proc/self/stat cutime + cstime). */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields from the state on: cutime and cstime are the 14th and 15th (clock ticks, 1/100 s)
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return null
  }
}

/** Writes `count` articles of the JSONL corpus as text files (title, blank line, text). */
function writeFolder(jsonl: string, folder: string, count: number): number {
  const lines = readFileSync(jsonl, 'utf8').split('\n').filter(Boolean)
  let n = 0
  for (const line of lines) {
    if (n >= count) break
    const a = JSON.parse(line) as { title?: string | null; text?: string }
    if (!a.text) continue
    n++
    const body = a.title ? `${a.title}\n\n${a.text}` : a.text
    writeFileSync(join(folder, `${String(n).padStart(5, '0')}.txt`), `${body}\n`)
  }
  return n
}

/** Runs the plain-text import benchmark. */
export function runTextImportBench(
  jsonl: string,
  count = 2000,
  rounds = 3,
): { figures: TextImportFigures; table: string } {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-text-import-'))
  const cli = join(import.meta.dirname, '../bin/lesesaal.js')
  try {
    const folder = join(work, 'articles')
    mkdirSync(folder)
    const files = writeFolder(jsonl, folder, count)
    const rates: number[] = []
    const cpuRates: number[] = []
    let imported = 0
    for (let r = 0; r < rounds; r++) {
      const library = join(work, `library-${r}.sqlite`)
      const t0 = performance.now()
      const c0 = childrenCpuSeconds()
      const out = execFileSync(
        process.execPath,
        [cli, '--library', library, 'import', folder, '--json'],
        { maxBuffer: 1 << 28, encoding: 'utf8' },
      )
      const seconds = (performance.now() - t0) / 1000
      const c1 = childrenCpuSeconds()
      if (c0 !== null && c1 !== null && c1 > c0) cpuRates.push(files / (c1 - c0))
      const results = JSON.parse(out) as { id: number | null }[]
      imported = results.filter((x) => x.id !== null).length
      rates.push(files / seconds)
      console.error(
        `   text import round ${r + 1}/${rounds}: ${(files / seconds).toFixed(0)} files/s`,
      )
    }
    const sorted = [...rates].sort((a, b) => a - b)
    const figures: TextImportFigures = {
      files,
      imported,
      filesPerSecond: sorted[Math.floor(sorted.length / 2)]!,
      spread: [sorted[0]!, sorted[sorted.length - 1]!],
      filesPerCpuSecond: cpuRates.length
        ? [...cpuRates].sort((a, b) => a - b)[Math.floor(cpuRates.length / 2)]!
        : null,
      rounds,
    }
    const table = [
      `Plain-text import through the CLI, ${files} files (${imported} imported), ${rounds} rounds:`,
      '',
      '| files/s wall (median) | slowest–fastest round | files/s of CPU time |',
      '|---|---|---|',
      `| ${figures.filesPerSecond.toFixed(0)} | ${figures.spread[0].toFixed(0)}–${figures.spread[1].toFixed(0)} | ${figures.filesPerCpuSecond?.toFixed(0) ?? '–'} |`,
    ].join('\n')
    return { figures, table }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
