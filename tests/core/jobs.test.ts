/**
 * Heavy work off the main thread: imports, dictionary imports and index rebuilds run in a
 * worker thread with its own connection, report progress, can be cancelled, and the core's
 * search finds what the worker wrote as soon as the job ends.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../shared/contract'
import type { Core } from '../../electron/core'
import { ANALYZER_ID } from '../../electron/core/search/analyzer'
import { call, tempDir, testCore } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { germanArticle } from '../helpers/hostile'

const LEX = join(ROOT, 'tests/fixtures/lexicon')

function folderOf(n: number): string {
  const dir = tempDir()
  for (let i = 0; i < n; i++)
    writeFileSync(join(dir, `meldung-${String(i).padStart(4, '0')}.txt`), germanArticle(i))
  return dir
}

function workerCore(): Core {
  return testCore({ libraryPath: join(tempDir(), 'lib.sqlite'), jobs: 'worker' })
}

function record(core: Core) {
  const events: { event: keyof ApiEvents; payload: unknown }[] = []
  core.subscribe((event, payload) => events.push({ event, payload }))
  return events
}

describe('jobs in a worker thread', () => {
  it('imports a folder in the worker, reports progress, and the core searches it at once', async () => {
    const core = workerCore()
    const events = record(core)
    const dir = folderOf(120)
    const report = await call(core, 'import.paths', { paths: [dir] })
    expect(report.results).toHaveLength(120)
    expect(report.results.every((r) => r.id !== null && r.error === null)).toBe(true)
    expect(report.cancelled).toBeUndefined()
    const progress = events
      .filter((e) => e.event === 'job.progress')
      .map((e) => e.payload as ApiEvents['job.progress'])
    expect(progress[0]).toMatchObject({ kind: 'import', state: 'queued' })
    expect(progress.at(-1)).toMatchObject({
      kind: 'import',
      state: 'running',
      done: 120,
      total: 120,
    })
    expect(events.find((e) => e.event === 'job.finished')?.payload).toMatchObject({
      kind: 'import',
      outcome: 'done',
    })
    // the main thread's index caught up with what the worker wrote
    const hits = await call(core, 'search.query', { query: 'Kulturausschuss', limit: 5 })
    expect(hits.total).toBe(120)
    expect(await call(core, 'search.status', {})).toMatchObject({
      articles: 120,
      indexed: 120,
      consistent: true,
    })
    expect(await call(core, 'library.list', {})).toHaveLength(120)
  })

  it('keeps answering other calls while an import runs', async () => {
    const core = workerCore()
    const dir = folderOf(200)
    let finished = false
    const running = call(core, 'import.paths', { paths: [dir] }).then((r) => {
      finished = true
      return r
    })
    // wait until the worker is busy, then ask something small
    await new Promise<void>((resolve) =>
      core.subscribe((event, payload) => {
        if (event === 'job.progress' && (payload as { done: number }).done >= 5) resolve()
      }),
    )
    const info = await call(core, 'app.info', {})
    expect(info.version).toMatch(/\d/)
    expect(finished).toBe(false)
    expect((await running).results).toHaveLength(200)
  })

  it('cancels an import between files, keeping what was imported and the index whole', async () => {
    const core = workerCore()
    const events = record(core)
    const dir = folderOf(400)
    const running = call(core, 'import.paths', { paths: [dir] })
    await new Promise<void>((resolve) =>
      core.subscribe((event, payload) => {
        const p = payload as ApiEvents['job.progress']
        if (event === 'job.progress' && p.done >= 10) {
          void call(core, 'job.cancel', { id: p.id }).then((r) => {
            expect(r.cancelled).toBe(true)
            resolve()
          })
        }
      }),
    )
    const report = await running
    expect(report.cancelled).toBe(true)
    expect(report.results.length).toBeGreaterThanOrEqual(10)
    expect(report.results.length).toBeLessThan(400)
    const imported = report.results.filter((r) => r.id !== null).length
    expect(await call(core, 'library.list', {})).toHaveLength(imported)
    expect(await call(core, 'search.status', {})).toMatchObject({
      articles: imported,
      consistent: true,
    })
    expect(events.find((e) => e.event === 'job.finished')?.payload).toMatchObject({
      outcome: 'cancelled',
    })
    expect(await call(core, 'job.list', {})).toEqual([])
    expect(await call(core, 'job.cancel', { id: 999 })).toEqual({ cancelled: false })
  })

  it('imports a dictionary in the worker, and the core looks its words up at once', async () => {
    const core = testCore({
      libraryPath: join(tempDir(), 'lib.sqlite'),
      jobs: 'worker',
      systemDictionaries: [],
    })
    const data = readFileSync(join(LEX, 'mini.ding')).toString('base64')
    const result = await call(core, 'dict.import', { name: 'Mini', data })
    expect(result).toMatchObject({ name: 'Mini', malformed: 3 })
    expect(await call(core, 'lexicon.lookup', { word: 'Strafzölle' })).toMatchObject({
      found: true,
      lemma: 'Strafzoll',
    })
  })

  it('cancels a dictionary import and leaves the lexicon as it was', async () => {
    const core = testCore({
      libraryPath: join(tempDir(), 'lib.sqlite'),
      jobs: 'worker',
      systemDictionaries: [],
    })
    await core.ensureGlossary()
    const before = core.db.prepare('SELECT count(*) FROM lexicon_entries').pluck().get()
    const lines = Array.from(
      { length: 300_000 },
      (_, i) => `Prüfwort${i} {n} | Prüfwörter${i} {pl} :: test word ${i} | test words ${i}`,
    )
    const path = join(tempDir(), 'gross.ding')
    writeFileSync(path, lines.join('\n'))
    const running = core.invoke('dict.import', { name: 'Gross', path })
    await new Promise<void>((resolve) =>
      core.subscribe((event, payload) => {
        const p = payload as ApiEvents['job.progress']
        if (event === 'job.progress' && p.kind === 'dict.import' && p.done > 0) {
          void core.invoke('job.cancel', { id: p.id }).then(() => resolve())
        }
      }),
    )
    const r = await running
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(core.db.prepare('SELECT count(*) FROM lexicon_entries').pluck().get()).toBe(before)
    expect(core.db.prepare('SELECT count(*) FROM lexicon_dictionaries').pluck().get()).toBe(0)
  })

  it('rebuilds the index in the worker in one transaction', async () => {
    const core = workerCore()
    await call(core, 'import.paths', { paths: [folderOf(50)] })
    const status = await call(core, 'search.rebuild', {})
    expect(status).toMatchObject({ articles: 50, indexed: 50, consistent: true })
    expect((await call(core, 'search.query', { query: 'Lesesaal', limit: 3 })).total).toBe(50)
  })
  it('brings an index of another analysis up to date in the worker, a piece at a time', async () => {
    const path = join(tempDir(), 'lib.sqlite')
    const first = testCore({ libraryPath: path, jobs: 'worker' })
    await call(first, 'import.paths', { paths: [folderOf(600)] })
    // the library as an earlier version of Lesesaal left it
    first.db
      .prepare("UPDATE search_meta SET value = 'some-older-analysis' WHERE key = 'analyzer'")
      .run()
    first.close()
    const core = testCore({ libraryPath: path, jobs: 'worker' })
    const events = record(core)
    const finished = new Promise<unknown>((resolve) =>
      core.subscribe((event, payload) => {
        if (event === 'job.finished' && (payload as { kind: string }).kind === 'search.reanalyse')
          resolve(payload)
      }),
    )
    // the first search does not wait, and finds every article (in the old index)
    expect((await call(core, 'search.query', { query: 'Kulturausschuss', limit: 5 })).total).toBe(
      600,
    )
    expect(await finished).toMatchObject({ kind: 'search.reanalyse', outcome: 'done' })
    // in pieces, each its own transaction: other writers never wait for the whole
    const done = events
      .filter((e) => e.event === 'search.progress')
      .map((e) => (e.payload as { done: number }).done)
    expect(done).toEqual([100, 200, 300, 400, 500, 600])
    expect(await call(core, 'search.status', {})).toMatchObject({
      analyzer: ANALYZER_ID,
      indexed: 600,
      consistent: true,
    })
    expect((await call(core, 'search.query', { query: 'Kulturausschuss', limit: 5 })).total).toBe(
      600,
    )
  })

  it('goes on where an update of the index was cut off', async () => {
    const path = join(tempDir(), 'lib.sqlite')
    const first = testCore({ libraryPath: path })
    await call(first, 'import.paths', { paths: [folderOf(300)] })
    const ids = first.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
    // an older analysis, and an update that had done the first 250 articles when it stopped
    first.db
      .prepare("UPDATE search_meta SET value = 'some-older-analysis' WHERE key = 'analyzer'")
      .run()
    first.db
      .prepare("INSERT INTO search_meta (key, value) VALUES ('reanalysed_upto', ?)")
      .run(String(ids[249]))
    first.close()
    const core = testCore({ libraryPath: path, jobs: 'worker' })
    const events = record(core)
    await call(core, 'search.status', {})
    await new Promise<void>((resolve) =>
      core.subscribe((event) => event === 'job.finished' && resolve()),
    )
    const done = events
      .filter((e) => e.event === 'search.progress')
      .map((e) => e.payload as { done: number; total: number })
    // one piece, the last 50: the first 250 were not done again
    expect(done).toEqual([{ done: 300, total: 300 }])
    expect(await call(core, 'search.status', {})).toMatchObject({
      analyzer: ANALYZER_ID,
      consistent: true,
    })
  })

  it('re-extracts in the worker with progress, and a cancel keeps what was done', async () => {
    const core = workerCore()
    const dir = folderOf(300)
    // and a dozen long reports after them (about 50-100 ms each to extract): the cancel below
    // arrives while these are read, however quickly the short ones went
    for (let f = 0; f < 12; f++) {
      const paras = Array.from(
        { length: 1500 },
        (_, i) =>
          `Im Abschnitt ${i} berichtet der Kulturausschuss über die ${f * 10_000 + i}. Sitzung, in der die Öffnungszeiten erneut beraten wurden.`,
      )
      writeFileSync(
        join(dir, `zz-bericht-${f}.txt`),
        `Langer Bericht ${f} über die Stadtbibliothek\n\n${paras.join('\n\n')}\n`,
      )
    }
    await call(core, 'import.paths', { paths: [dir] })
    const events = record(core)
    const whole = await call(core, 'library.reextract', {})
    expect(whole).toMatchObject({ failed: 0, cancelled: false })
    expect(whole.changed + whole.unchanged).toBe(312)
    const progress = events
      .filter((e) => e.event === 'job.progress')
      .map((e) => e.payload as ApiEvents['job.progress'])
    expect(progress.at(-1)).toMatchObject({ kind: 'library.reextract', done: 312, total: 312 })
    expect(events.some((e) => e.event === 'reextract.progress')).toBe(true)
    // cancelled part-way: what was done stays, the rest is left as it was
    const running = call(core, 'library.reextract', {})
    let answered = false
    await new Promise<void>((resolve) =>
      core.subscribe((event, payload) => {
        const p = payload as ApiEvents['job.progress']
        if (event === 'job.progress' && p.kind === 'library.reextract' && p.done >= 5) {
          // the core answers while the worker extracts
          void call(core, 'library.outlets', {}).then(() => (answered = true))
          void call(core, 'job.cancel', { id: p.id }).then(() => resolve())
        }
      }),
    )
    const part = await running
    expect(part.cancelled).toBe(true)
    expect(part.items.length).toBeGreaterThanOrEqual(5)
    expect(part.items.length).toBeLessThan(312)
    expect(answered).toBe(true)
    expect(await call(core, 'search.status', {})).toMatchObject({ articles: 312, consistent: true })
  })
})

describe('re-extraction in the worker at scale', () => {
  it('indexes what it re-extracts itself, so the core never has to while it runs', async () => {
    const core = workerCore()
    await call(core, 'import.paths', { paths: [folderOf(300)] })
    // every article's text as an older extractor left it: re-extraction changes all of them
    core.db.prepare("UPDATE paragraphs SET text = text || ' Mehr dazu.' WHERE position = 0").run()
    await call(core, 'search.status', {})
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number
    expect(count('SELECT count(*) FROM search_journal')).toBe(0)
    // what the core's thread would have to index, looked at whenever the worker reports
    const waiting: number[] = []
    core.subscribe((event) => {
      if (event === 'reextract.progress') waiting.push(count('SELECT count(*) FROM search_journal'))
    })
    const report = await call(core, 'library.reextract', {})
    expect(report).toMatchObject({ changed: 300, failed: 0, cancelled: false })
    expect(waiting.length).toBeGreaterThan(0)
    expect(Math.max(...waiting)).toBe(0)
    expect((await call(core, 'search.query', { query: '"Mehr dazu"', limit: 5 })).total).toBe(0)
    expect(await call(core, 'search.status', {})).toMatchObject({ indexed: 300, consistent: true })
  })
})

describe('jobs inline (the CLI, libraries in memory)', () => {
  it('cancels an inline import between files too', async () => {
    const core = testCore()
    const dir = folderOf(150)
    const running = call(core, 'import.paths', { paths: [dir] })
    await new Promise<void>((resolve) =>
      core.subscribe((event, payload) => {
        const p = payload as ApiEvents['job.progress']
        if (event === 'job.progress' && p.done >= 3) {
          core.jobs.cancel(p.id)
          resolve()
        }
      }),
    )
    const report = await running
    expect(report.cancelled).toBe(true)
    expect(report.results.length).toBeLessThan(150)
    expect(await call(core, 'search.status', {})).toMatchObject({ consistent: true })
  })
})
