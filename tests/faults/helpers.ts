/** What the fault-injection suite shares: sizes, processes, and checking a library is whole. */
import Database from 'better-sqlite3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../../electron/core'
import { ROOT } from '../helpers/fixtures'
import { germanArticle } from '../helpers/hostile'

/** `LESESAAL_FAULTS=full npm test` (or the bench) runs the suite at full size. */
export const FULL = process.env.LESESAAL_FAULTS === 'full'

export const BIN = join(ROOT, 'bin/lesesaal.js')
export const WORKER_IMPORT = join(ROOT, 'tests/faults/worker-import.ts')

/** A folder of `n` distinct German articles, named from `from` on. */
export function articles(dir: string, n: number, from = 0): string {
  mkdirSync(dir, { recursive: true })
  for (let i = from; i < from + n; i++)
    writeFileSync(join(dir, `meldung-${String(i).padStart(5, '0')}.txt`), germanArticle(i))
  return dir
}

/** A small seeded random generator (mulberry32): the same "random" points on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '' },
    maxBuffer: 256 * 1024 * 1024,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LESESAAL_LIBRARY: '' },
  })
}

/** Waits for a process to end; resolves with its exit code (null when killed) and output. */
export function ended(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/**
 * The library after a crash, as the next start sees it: SQLite's own integrity check, every
 * article complete and once, and the search index consistent with the articles once the
 * journal left by the crash is applied.
 */
export async function checkWhole(library: string): Promise<{
  integrity: string
  articles: number
  withoutParagraphs: number
  duplicates: number
  consistent: boolean
  searchable: number
}> {
  const db = new Database(library)
  const integrity = db.pragma('integrity_check', { simple: true }) as string
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
  const withoutParagraphs = db
    .prepare(
      'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)',
    )
    .pluck()
    .get() as number
  const duplicates = db
    .prepare('SELECT count(*) - count(DISTINCT content_hash) FROM articles')
    .pluck()
    .get() as number
  db.close()
  const core = createCore({ libraryPath: library })
  try {
    await core.search.ready()
    core.search.drain()
    const status = await core.search.status()
    const searchable = articles ? (await core.search.search('Kulturausschuss', {}, 1, 0)).total : 0
    return {
      integrity,
      articles,
      withoutParagraphs,
      duplicates,
      consistent: status.consistent,
      searchable,
    }
  } finally {
    core.close()
  }
}
