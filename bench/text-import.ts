/**
 * `npm run bench -- --text-import CORPUS.jsonl`: plain-text import through the `lesesaal`
 * command, as a user runs it: a folder of news articles written as .txt files (in the system's
 * temporary folder, never in the project), imported into a fresh library by a fresh process.
 * Files per second over the whole command, process start included, for several rounds;
 * beside a plain SQLite + FTS5 import of the same folder (`fts-import-peer.mjs`) in the same
 * rounds, the two in turn.
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
  /** The plain SQLite + FTS5 import of the same folder, in the same rounds. */
  peer: { filesPerSecond: number; spread: [number, number]; filesPerCpuSecond: number | null }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Runs a command `rounds` times; wall and CPU files per second of each round. */
function timed(files: number, run: () => void): { wall: number; cpu: number | null } {
  const t0 = performance.now()
  const c0 = childrenCpuSeconds()
  run()
  const seconds = (performance.now() - t0) / 1000
  const c1 = childrenCpuSeconds()
  return {
    wall: files / seconds,
    cpu: c0 !== null && c1 !== null && c1 > c0 ? files / (c1 - c0) : null,
  }
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
  rounds = 5,
): { figures: TextImportFigures; table: string } {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-text-import-'))
  const cli = join(import.meta.dirname, '../bin/lesesaal.js')
  const peerScript = join(import.meta.dirname, 'fts-import-peer.mjs')
  try {
    const folder = join(work, 'articles')
    mkdirSync(folder)
    const files = writeFolder(jsonl, folder, count)
    const mine: { wall: number; cpu: number | null }[] = []
    const peer: { wall: number; cpu: number | null }[] = []
    let imported = 0
    const runMine = (r: number) =>
      mine.push(
        timed(files, () => {
          const out = execFileSync(
            process.execPath,
            [cli, '--library', join(work, `library-${r}.sqlite`), 'import', folder, '--json'],
            { maxBuffer: 1 << 28, encoding: 'utf8' },
          )
          imported = (JSON.parse(out) as { id: number | null }[]).filter(
            (x) => x.id !== null,
          ).length
        }),
      )
    const runPeer = (r: number) =>
      peer.push(
        timed(files, () =>
          execFileSync(process.execPath, [peerScript, folder, join(work, `peer-${r}.sqlite`)]),
        ),
      )
    for (let r = 0; r < rounds; r++) {
      // the two in turn, each first in every other round
      if (r % 2 === 0) {
        runMine(r)
        runPeer(r)
      } else {
        runPeer(r)
        runMine(r)
      }
      console.error(
        `   text import round ${r + 1}/${rounds}: ${mine[r]!.wall.toFixed(0)} files/s (SQLite + FTS5 alone: ${peer[r]!.wall.toFixed(0)})`,
      )
    }
    const summary = (xs: { wall: number; cpu: number | null }[]) => {
      const walls = xs.map((x) => x.wall)
      const cpus = xs.flatMap((x) => (x.cpu === null ? [] : [x.cpu]))
      return {
        filesPerSecond: median(walls),
        spread: [Math.min(...walls), Math.max(...walls)] as [number, number],
        filesPerCpuSecond: cpus.length ? median(cpus) : null,
      }
    }
    const figures: TextImportFigures = {
      files,
      imported,
      rounds,
      ...summary(mine),
      peer: summary(peer),
    }
    const row = (name: string, f: TextImportFigures['peer']) =>
      `| ${name} | ${f.filesPerSecond.toFixed(0)} | ${f.spread[0].toFixed(0)}–${f.spread[1].toFixed(0)} | ${f.filesPerCpuSecond?.toFixed(0) ?? '–'} |`
    const table = [
      `Plain-text import through the CLI, ${files} files (${imported} imported), ${rounds} rounds, in turn with a plain SQLite + FTS5 import of the same folder:`,
      '',
      '| import | files/s wall (median) | slowest–fastest round | files/s of CPU time |',
      '|---|---|---|---|',
      row('Lesesaal (`lesesaal import FOLDER`)', figures),
      row('SQLite + FTS5 alone (`bench/fts-import-peer.mjs`)', figures.peer),
    ].join('\n')
    return { figures, table }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
