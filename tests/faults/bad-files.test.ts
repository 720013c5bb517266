/**
 * The bad-file batch through the doors users use: one folder with every kind of bad file
 * (device links, a FIFO, a socket, dangling and looping links, binaries, empty, too large,
 * nested 20,000 deep, broken encodings) among good articles. The good ones import, each bad
 * one is named with one sentence, nothing hangs and nothing reaches stderr.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, tempDir, testCore } from '../helpers/core'
import { badFileBatch } from '../helpers/hostile'
import { cli } from './helpers'

type Result = { source: string; id: number | null; error: { code: string; message: string } | null }

function expectBatch(
  dir: string,
  results: Result[],
  expectations: Awaited<ReturnType<typeof badFileBatch>>['expectations'],
) {
  const by = new Map(results.map((r) => [r.source.slice(dir.length + 1), r]))
  expect([...by.keys()].sort()).toEqual(expectations.map((x) => x.name).sort())
  for (const x of expectations) {
    const r = by.get(x.name)!
    if (x.code === null) expect(r.id, x.name).toBeGreaterThan(0)
    else {
      expect(r.error?.code, x.name).toBe(x.code)
      expect(r.error!.message, x.name).toMatch(x.says!)
      expect(r.error!.message, x.name).toMatch(/^[A-Z][^\n]*\.$/)
    }
  }
}

describe('the bad-file batch', () => {
  it('through the command line', async () => {
    const dir = join(tempDir(), 'stapel')
    const { expectations, close } = await badFileBatch(dir)
    try {
      const r = cli(['--library', join(tempDir(), 'lib.sqlite'), 'import', dir, '--json'])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expectBatch(dir, JSON.parse(r.stdout) as Result[], expectations)
    } finally {
      await close()
    }
  })

  it('through the app (a worker thread)', async () => {
    const dir = join(tempDir(), 'stapel')
    const { expectations, close } = await badFileBatch(dir)
    try {
      const core = testCore({ libraryPath: join(tempDir(), 'lib.sqlite'), jobs: 'worker' })
      const report = await call(core, 'import.paths', { paths: [dir] })
      expectBatch(dir, report.results, expectations)
      expect(await call(core, 'search.status', {})).toMatchObject({ consistent: true })
    } finally {
      await close()
    }
  })
})
