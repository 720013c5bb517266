/**
 * Other processes' writes: two cores on one library file stand for two processes (each has
 * its own SQLite connection, as two processes do). What one writes, the other notices before
 * it next reads or writes: its search index never writes from a stale view, its caches catch
 * up, and the renderer is told.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { call, tempDir, testCore } from '../helpers/core'

let serial = 0

/** Imports one short German article, with `word` in it, through the API. */
async function importArticle(core: Core, word: string): Promise<number> {
  const text = `Bericht über ${word}\n\nIm Rathaus wurde am Montag über ${word} gesprochen. Die Sitzung dauerte lange.\n\nEin zweiter Absatz, Nummer ${++serial}.\n`
  const r = await call(core, 'import.files', {
    files: [{ name: `${word}.txt`, data: Buffer.from(text).toString('base64') }],
  })
  if (!r.results[0]!.id) throw new Error(JSON.stringify(r.results[0]))
  return r.results[0]!.id
}

const total = async (core: Core, query: string) =>
  (await call(core, 'search.query', { query })).total

function twoProcesses() {
  const path = join(tempDir(), 'library.sqlite')
  return { a: testCore({ libraryPath: path }), b: testCore({ libraryPath: path }), path }
}

describe('another process writes the library', () => {
  it('tells a cursor and the subscribers, but not of their own commits', async () => {
    const { a, b } = twoProcesses()
    const cursor = a.changes.cursor()
    let heard = 0
    a.changes.subscribe(() => heard++)
    await importArticle(a, 'Brückenbau')
    expect(cursor()).toBe(false)
    expect(a.changes.check()).toBe(false)
    await importArticle(b, 'Radweg')
    expect(cursor()).toBe(true)
    expect(cursor()).toBe(false) // once per change
    expect(a.changes.check()).toBe(true)
    expect(heard).toBe(1)
  })

  it('never writes the index from what it remembered (the term table, document numbers)', async () => {
    const { a, b } = twoProcesses()
    // both have read and written the index: term ids, segments and document numbers in memory
    await importArticle(a, 'Hafenkran')
    expect(await total(a, 'Hafenkran')).toBe(1)
    await importArticle(b, 'Leuchtturm')
    // the same words again on either side: new segments of terms the other process made
    await importArticle(a, 'Leuchtturm')
    await importArticle(b, 'Hafenkran')
    await importArticle(a, 'Deichschutz')
    for (const core of [a, b]) {
      expect(await total(core, 'Leuchtturm')).toBe(2)
      expect(await total(core, 'Hafenkran')).toBe(2)
      expect(await total(core, 'Deichschutz')).toBe(1)
      expect(await total(core, 'Rathaus')).toBe(5)
      expect(await call(core, 'search.status', {})).toMatchObject({
        consistent: true,
        articles: 5,
        indexed: 5,
      })
    }
  })

  it('drops an analysed batch another process wrote first, and keeps what came after', async () => {
    const { a, b } = twoProcesses()
    await a.search.ready()
    await b.search.ready()
    // three articles written without indexing them yet
    for (const word of ['Schleuse', 'Fähre', 'Kanal']) {
      a.db
        .prepare(
          "INSERT INTO articles (title, words, content_hash, source_kind, raw, extractor_version, imported_at) VALUES (?, 3, ?, 'paste', x'00', 1, '2025-01-01')",
        )
        .run(word, word)
    }
    // a reads the journal into a batch without writing it; b writes the same rows first,
    // empties the journal, and adds an article whose journal row takes a number a had read
    a.search.drain({ flush: false })
    b.search.drain()
    await importArticle(b, 'Schiffshebewerk')
    // a's batch is out of date: written, it would double the three and drop b's new row
    a.search.drain()
    for (const core of [a, b]) {
      expect(await total(core, 'Schleuse')).toBe(1)
      expect(await total(core, 'Schiffshebewerk')).toBe(1)
      expect(await call(core, 'search.status', {})).toMatchObject({
        consistent: true,
        articles: 4,
        indexed: 4,
        pending: 0,
      })
    }
    expect(a.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(4)
  })

  it('forgets deleted articles another process removed, and finds its new ones', async () => {
    const { a, b } = twoProcesses()
    const id = await importArticle(a, 'Seilbahn')
    expect(await total(a, 'Seilbahn')).toBe(1)
    expect(await total(b, 'Seilbahn')).toBe(1)
    await call(b, 'article.delete', { id })
    const other = await importArticle(b, 'Zahnradbahn')
    expect(await total(a, 'Seilbahn')).toBe(0)
    expect(await total(a, 'Zahnradbahn')).toBe(1)
    // the reader's marks, too: title and text
    expect((await call(a, 'search.matches', { id: other, query: 'Zahnradbahn' })).count).toBe(2)
  })

  it('tells the renderer: library.changed with the reason external, on the next call', async () => {
    const { a, b } = twoProcesses()
    const events: unknown[] = []
    a.subscribe((event, payload) => events.push({ event, payload }))
    await call(a, 'app.info', {})
    expect(events).toEqual([])
    await importArticle(b, 'Stadtpark')
    await call(a, 'library.list', {})
    expect(events).toContainEqual({ event: 'library.changed', payload: { reason: 'external' } })
    expect((await call(a, 'library.list', {})).map((x) => x.title)).toEqual([
      'Bericht über Stadtpark',
    ])
  })

  it('tells the renderer without a call while a door is open (polling)', async () => {
    const { a, b } = twoProcesses()
    const events: unknown[] = []
    a.subscribe((event, payload) => events.push({ event, payload }))
    const release = a.changes.watch(20)
    await importArticle(b, 'Marktplatz')
    await expect
      .poll(() => events, { timeout: 3000 })
      .toContainEqual({ event: 'library.changed', payload: { reason: 'external' } })
    release()
    events.length = 0
    await importArticle(b, 'Kirchturm')
    await new Promise((r) => setTimeout(r, 100))
    expect(events).toEqual([]) // no door open: nobody polls
  })

  it('lets the lexicon forget what another process changed in it', async () => {
    const { a, b } = twoProcesses()
    await a.ensureGlossary()
    const lookup = async (core: Core, word: string) =>
      (await call(core, 'lexicon.lookup', { word })) as { found: boolean; gloss: string | null }
    expect((await lookup(a, 'Zitronenfalter')).found).toBe(false)
    await call(b, 'lexicon.save', {
      entry: { lemma: 'Zitronenfalter', pos: 'noun', gender: 'm', gloss: 'brimstone butterfly' },
    })
    expect(await lookup(a, 'Zitronenfalter')).toMatchObject({
      found: true,
      gloss: 'brimstone butterfly',
    })
  })
})
