/** Re-extraction from the stored originals: what changed, progress, cancelling, failures. */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractFile, EXTRACTOR_VERSION } from '../../electron/core/import/pipeline'
import { reextractArticles, type Reextractor } from '../../electron/core/library/reextract'
import { call, testCore } from '../helpers/core'

const PAGE = [
  'Heidekurier',
  'Politik Wirtschaft Kultur Sport Meinung',
  '',
  'Neue Radwege für den Kreis',
  '',
  'Der Kreistag hat ein Programm für neue Radwege beschlossen. In den nächsten fünf Jahren sollen 40 Kilometer entstehen.',
  '',
  'Vor allem die Verbindungen zwischen den Dörfern sollen sicherer werden, sagte die Landrätin nach der Sitzung am Donnerstag.',
  '',
  '© Heidekurier 2024',
].join('\n')

async function importPage(core: Core, name: string, text: string) {
  const r = await call(core, 'import.files', {
    files: [{ name, data: Buffer.from(text).toString('base64') }],
    // the pages differ in a word on purpose: they are not near-duplicates to leave out here
    nearDuplicates: 'import',
  })
  return r.results[0]!.id!
}

/** Makes an article look as an older, worse extractor left it. */
function spoil(core: Core, id: number) {
  core.db
    .prepare(
      "UPDATE paragraphs SET text = 'Politik Wirtschaft Kultur Sport Meinung' WHERE article_id = ? AND position = 0",
    )
    .run(id)
  core.db
    .prepare("UPDATE articles SET title = 'Heidekurier', extractor_version = 0 WHERE id = ?")
    .run(id)
}

describe('re-extraction', () => {
  it('re-extracts outdated articles from their originals and reports what changed', async () => {
    const core = testCore()
    const a = await importPage(core, 'a.txt', PAGE)
    const b = await importPage(core, 'b.txt', PAGE.replaceAll('Radwege', 'Buslinien'))
    expect(await call(core, 'library.outdated', {})).toEqual({ count: 0 })
    spoil(core, a)
    // the library counts what an older extractor made (and offers to extract it again)
    expect(await call(core, 'library.outdated', {})).toEqual({ count: 1 })
    const progress: number[] = []
    core.subscribe(
      (e, p) => e === 'reextract.progress' && progress.push((p as { done: number }).done),
    )
    const report = await call(core, 'library.reextract', { outdated: true })
    expect(report.items.map((i) => i.id)).toEqual([a])
    expect(report.items[0]).toMatchObject({
      status: 'changed',
      title: 'Neue Radwege für den Kreis',
      fields: ['title'],
      added: 1,
      removed: 1,
    })
    expect(progress).toEqual([1])
    expect(await call(core, 'library.outdated', {})).toEqual({ count: 0 })
    const article = await call(core, 'article.get', { id: a })
    expect(article.title).toBe('Neue Radwege für den Kreis')
    expect(article.paragraphs[0]).toMatch(/^Der Kreistag hat/)
    // the other one was not outdated; all of them: unchanged
    const all = await call(core, 'library.reextract', {})
    expect(all.items.map((i) => [i.id, i.status])).toEqual([
      [a, 'unchanged'],
      [b, 'unchanged'],
    ])
    // the search index follows the new text
    const hits = await call(core, 'search.query', { query: 'Radwege' })
    expect(hits.hits.map((h) => h.id)).toEqual([a])
  })

  it('stops when cancelled and says so, with what it did', async () => {
    await loadParsers()
    const core = testCore()
    const ids = [
      await importPage(core, 'a.txt', PAGE),
      await importPage(core, 'b.txt', PAGE.replaceAll('Radwege', 'Buslinien')),
      await importPage(core, 'c.txt', PAGE.replaceAll('Radwege', 'Brücken')),
    ]
    const controller = new AbortController()
    const re: Reextractor = {
      version: EXTRACTOR_VERSION,
      extract: (raw) => ({ x: extractFile(raw, 'page.txt'), hits: [] }),
    }
    const report = await reextractArticles(core.db, ids, re, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    })
    expect(report.cancelled).toBe(true)
    expect(report.items).toHaveLength(2)
  })

  it('keeps an article whose original cannot be read, and reports it', async () => {
    const core = testCore()
    const a = await importPage(core, 'a.txt', PAGE)
    core.db.prepare('UPDATE articles SET raw = ? WHERE id = ?').run(Buffer.alloc(64), a)
    const report = await call(core, 'library.reextract', { ids: [a] })
    expect(report.failed).toBe(1)
    expect(report.items[0]!.error?.code).toBe('binary_file')
    expect((await call(core, 'article.get', { id: a })).title).toBe('Neue Radwege für den Kreis')
  })

  it('keeps the old text when the new one equals another article', async () => {
    const core = testCore()
    const a = await importPage(core, 'a.txt', PAGE)
    const b = await importPage(core, 'b.txt', PAGE.replaceAll('Radwege', 'Buslinien'))
    core.db
      .prepare('UPDATE articles SET raw = (SELECT raw FROM articles WHERE id = ?) WHERE id = ?')
      .run(a, b)
    const report = await call(core, 'library.reextract', { ids: [b] })
    expect(report.items[0]).toMatchObject({ status: 'duplicate', duplicateOf: a })
    expect((await call(core, 'article.get', { id: b })).paragraphs.join(' ')).toContain('Buslinien')
  })
})
