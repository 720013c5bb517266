/**
 * kill -9 at random moments of an import: the library stays whole (SQLite's integrity check),
 * every article is complete and stored once, and the search index agrees with the articles
 * at the next start. The CLI (jobs inline) and the app's way (jobs in a worker thread).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { articles, BIN, checkWhole, cli, ended, FULL, random, WORKER_IMPORT } from './helpers'

/** How many articles another process has committed so far (0 before the library exists). */
function count(library: string): number {
  if (!existsSync(library)) return 0
  try {
    const db = new Database(library, { readonly: true })
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    } finally {
      db.close()
    }
  } catch {
    return 0 // still being created
  }
}

const KILLS = FULL ? 40 : 10
/** Each run imports new files, so every kill finds the import at another stage. */
const PER_RUN = FULL ? 500 : 250

describe('kill -9 during imports', () => {
  it(
    `leaves the library whole after ${KILLS} kills at random points`,
    async () => {
      const dir = tempDir()
      const folders = Array.from({ length: KILLS }, (_, k) =>
        articles(join(dir, `quelle-${k}`), PER_RUN, k * PER_RUN),
      )
      const library = join(dir, 'library.sqlite')
      const next = random(20261130)
      const run = (worker: boolean, lib: string, folder: string) =>
        worker
          ? spawn(process.execPath, ['--import', 'tsx', WORKER_IMPORT, lib, folder], {
              stdio: ['ignore', 'pipe', 'pipe'],
            })
          : spawn(process.execPath, [BIN, '--library', lib, 'import', folder, '--json'], {
              stdio: ['ignore', 'pipe', 'pipe'],
            })
      // how long a whole import takes, each way: the kills land anywhere in it
      const full: Record<string, number> = {}
      for (const worker of [false, true]) {
        const t0 = Date.now()
        const { code } = await ended(run(worker, join(dir, `timing-${worker}.sqlite`), folders[0]!))
        expect(code).toBe(0)
        full[String(worker)] = Date.now() - t0
      }
      const killedAt: number[] = []
      const stored: number[] = []
      for (let k = 0; k < KILLS; k++) {
        // every third run imports the app's way: in a worker thread
        const worker = k % 3 === 2
        const child = run(worker, library, folders[k]!)
        const done = ended(child)
        const before = count(library)
        let wait: number
        if (k % 2 === 0) {
          // anywhere from start-up (opening, migrating) to the last chunk's commit
          wait = Math.floor((0.05 + 0.95 * next()) * full[String(worker)]!)
          await new Promise((r) => setTimeout(r, wait))
        } else {
          // after a chunk was committed, somewhere in the next one
          const t0 = Date.now()
          while (count(library) === before && Date.now() - t0 < 20_000)
            await new Promise((r) => setTimeout(r, 15))
          const extra = Math.floor(next() * 1200)
          await new Promise((r) => setTimeout(r, extra))
          wait = Date.now() - t0
        }
        killedAt.push(wait)
        child.kill('SIGKILL')
        const { code } = await done
        const whole = await checkWhole(library)
        expect(whole, `kill ${k + 1} after ${wait} ms (exit ${code})`).toMatchObject({
          integrity: 'ok',
          withoutParagraphs: 0,
          duplicates: 0,
          consistent: true,
          searchable: whole.articles,
        })
        stored.push(whole.articles)
      }
      // half the kills fell after a commit: those runs had stored articles
      expect(stored.some((n, k) => k > 0 && n > stored[k - 1]!)).toBe(true)
      // and the import finishes as if nothing had happened
      const last = cli(['--library', library, 'import', ...folders, '--json'])
      expect(last.code).toBe(0)
      const results = JSON.parse(last.stdout) as { error: unknown }[]
      expect(results.filter((r) => r.error)).toEqual([])
      expect(await checkWhole(library)).toMatchObject({
        integrity: 'ok',
        articles: KILLS * PER_RUN,
        consistent: true,
        searchable: KILLS * PER_RUN,
      })
      expect(killedAt).toHaveLength(KILLS)
      // nothing was lost: every file is in the library once
      expect(results).toHaveLength(KILLS * PER_RUN)
    },
    FULL ? 900_000 : 240_000,
  )
})
