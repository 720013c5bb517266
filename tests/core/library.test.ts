/** The library as a user meets it through the API: import, list, read, delete. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../shared/contract'
import { createCore } from '../../electron/core'
import { call, tempDir, testCore } from '../helpers/core'
import { expected, FIXTURES, readSample } from '../helpers/fixtures'

const f = (name: string) => join(FIXTURES, name)

describe('importing files and folders', () => {
  it('imports a folder recursively, reports the broken file and skips what is not an article', async () => {
    const core = testCore()
    const report = await call(core, 'import.paths', { paths: [f('folder')] })
    const folder = expected.folder as { titles: Record<string, string> }
    const bySource = Object.fromEntries(
      report.results.map((r) => [r.source.slice(f('folder').length + 1), r]),
    )
    expect(Object.keys(bySource).sort()).toEqual([
      'a.txt',
      'sub/b.html',
      'sub/broken.txt',
      'sub/deeper/c.md',
    ])
    for (const [file, title] of Object.entries(folder.titles)) {
      expect(bySource[file]).toMatchObject({ title, error: null, duplicateOf: null })
      expect(bySource[file]!.id).toBeGreaterThan(0)
    }
    expect(bySource['sub/broken.txt']).toMatchObject({ id: null, error: { code: 'binary_file' } })
    expect(report.skipped).toBe(2) // image.png and .hidden.txt
    expect(await call(core, 'library.list', {})).toHaveLength(3)
  })

  it('imports the other 199 files when one of 200 is broken', async () => {
    const dir = tempDir()
    for (let i = 0; i < 200; i++) {
      const body =
        i === 117
          ? Buffer.from([0, 1, 2, 3, 0, 0, 255])
          : Buffer.from(
              `Meldung Nummer ${i}\n\nDer Stadtrat hat in seiner ${i}. Sitzung über den Haushalt beraten und einen Beschluss gefasst.\n`,
            )
      writeFileSync(join(dir, `meldung-${String(i).padStart(3, '0')}.txt`), body)
    }
    const core = testCore()
    const report = await call(core, 'import.paths', { paths: [dir] })
    expect(report.results).toHaveLength(200)
    expect(report.results.filter((r) => r.id !== null)).toHaveLength(199)
    const failed = report.results.filter((r) => r.error)
    expect(failed).toHaveLength(1)
    expect(failed[0]!.source).toMatch(/meldung-117\.txt$/)
    expect(failed[0]!.error!.message).not.toContain('\n')
  })

  it('recognises the same article saved twice and does not import it again', async () => {
    const core = testCore()
    const first = await call(core, 'import.paths', { paths: [f('hanse-kurier.txt')] })
    const id = first.results[0]!.id!
    const again = await call(core, 'import.paths', {
      paths: [f('duplicate-of-hanse-kurier.html'), f('hanse-kurier.txt')],
    })
    expect(
      again.results.map((r) => ({ id: r.id, duplicateOf: r.duplicateOf, error: r.error })),
    ).toEqual([
      { id: null, duplicateOf: id, error: null },
      { id: null, duplicateOf: id, error: null },
    ])
    expect(await call(core, 'library.list', {})).toHaveLength(1)
  })

  it('gives a one-line reason for a missing file and an unsupported type', async () => {
    const core = testCore()
    const dir = tempDir()
    writeFileSync(join(dir, 'bericht.docx'), 'PK\u0003\u0004')
    const report = await call(core, 'import.paths', {
      paths: [join(dir, 'fehlt.txt'), join(dir, 'bericht.docx')],
    })
    expect(report.results.map((r) => r.error?.code)).toEqual(['io_error', 'unsupported_type'])
    for (const r of report.results) expect(r.error!.message).toMatch(/^[^\n]+$/)
  })

  it('imports uploaded files (drag and drop, file picker)', async () => {
    const core = testCore()
    const data = readFileSync(f('radio-bernstein.txt')).toString('base64')
    const report = await call(core, 'import.files', {
      files: [{ name: 'radio-bernstein.txt', data }],
    })
    expect(report.results[0]).toMatchObject({
      source: 'radio-bernstein.txt',
      title: 'Ostsee-Gipfel endet mit Einigung auf Kabelschutz',
      outlet: 'Radio Bernstein',
      published: '2025-03-14',
      error: null,
    })
  })

  it('cleans pasted text like a file', async () => {
    const core = testCore()
    const pasted = readFileSync(f('tagesblick.txt'), 'utf8')
    const result = await call(core, 'import.text', { text: pasted })
    const article = await call(core, 'article.get', { id: result.id! })
    expect(article.paragraphs).toEqual(readSample('02-tagesblick.md').paragraphs)
    expect(article.comments).toHaveLength(5)
    expect(article.source.kind).toBe('paste')
  })

  it('takes the title the user gives to pasted text', async () => {
    const core = testCore()
    const result = await call(core, 'import.text', {
      text: 'Der Rat der Stadt hat gestern beschlossen, die Bibliothek länger zu öffnen. Die Entscheidung fiel einstimmig.',
      title: 'Bibliothek öffnet länger',
    })
    expect(result.title).toBe('Bibliothek öffnet länger')
  })

  it('reports progress for every file and tells when the library changed', async () => {
    const core = testCore()
    const events: { event: keyof ApiEvents; payload: unknown }[] = []
    core.subscribe((event, payload) => events.push({ event, payload }))
    await call(core, 'import.paths', { paths: [f('folder')] })
    const progress = events
      .filter((e) => e.event === 'import.progress')
      .map((e) => e.payload as ApiEvents['import.progress'])
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4])
    expect(progress.every((p) => p.total === 4)).toBe(true)
    expect(events.some((e) => e.event === 'library.changed')).toBe(true)
  })
})

describe('reading the library', () => {
  async function library() {
    const core = testCore()
    await call(core, 'import.paths', {
      paths: [
        'hanse-kurier.txt',
        'tagesblick.txt',
        'mitteldeutsche-rundschau.html',
        'radio-bernstein.txt',
        'latin1.txt',
      ].map(f),
    })
    return core
  }

  it('shows an article with metadata, clean paragraphs, subheadings and reader comments', async () => {
    const core = await library()
    const [row] = await call(core, 'library.list', { outlet: 'Tagesblick' })
    const a = await call(core, 'article.get', { id: row!.id })
    const sample = readSample('02-tagesblick.md')
    expect(a).toMatchObject({
      title: 'Ostsee-Gipfel in Rostock: Einigung beim Kabelschutz, Streit ums Geld',
      outlet: 'Tagesblick',
      author: 'jkl/AFP/dpa',
      commentCount: 5,
    })
    expect(a.paragraphs).toEqual(sample.paragraphs)
    expect(a.headings).toEqual(sample.headings)
    expect(a.comments[1]).toMatchObject({ author: 'Hansjürgen K.', posted: '2025-03-14' })
    expect(a.words).toBeGreaterThan(200)
  })

  it('keeps the raw original for re-extraction', async () => {
    const core = await library()
    const [row] = await call(core, 'library.list', { outlet: 'Radio Bernstein' })
    const stored = core.db
      .prepare('SELECT raw, raw_encoding FROM articles WHERE id = ?')
      .get(row!.id) as { raw: Buffer; raw_encoding: string }
    expect(Buffer.compare(stored.raw, readFileSync(f('radio-bernstein.txt')))).toBe(0)
    expect(stored.raw_encoding).toBe('windows-1252')
  })

  it('sorts by date (newest first, undated last), title, length and outlet', async () => {
    const core = await library()
    const byDate = await call(core, 'library.list', { sort: 'published' })
    expect(byDate.map((a) => a.published)).toEqual([
      '2025-03-15',
      '2025-03-14',
      '2025-03-14',
      '2025-02-03',
      null,
    ])
    const byTitle = await call(core, 'library.list', { sort: 'title', order: 'asc' })
    expect(byTitle.map((a) => a.title)).toEqual(
      [...byTitle.map((a) => a.title)].sort((x, y) => x.localeCompare(y, 'de')),
    )
    const byWords = await call(core, 'library.list', { sort: 'words', order: 'desc' })
    expect(byWords.map((a) => a.words)).toEqual(
      [...byWords.map((a) => a.words)].sort((x, y) => y - x),
    )
    const byOutlet = await call(core, 'library.list', { sort: 'outlet', order: 'asc' })
    expect(byOutlet.map((a) => a.outlet)).toEqual([
      'Mitteldeutsche Rundschau',
      'Radio Bernstein',
      'Tagesblick',
      null,
      null,
    ])
  })

  it('filters by outlet and counts articles per outlet', async () => {
    const core = await library()
    expect(await call(core, 'library.outlets', {})).toEqual([
      { name: 'Mitteldeutsche Rundschau', count: 1 },
      { name: 'Radio Bernstein', count: 1 },
      { name: 'Tagesblick', count: 1 },
    ])
    const rows = await call(core, 'library.list', { outlet: 'Mitteldeutsche Rundschau' })
    expect(rows.map((r) => r.title)).toEqual(['Ein Versprechen ohne Preisschild'])
  })

  it('deletes an article with its paragraphs and comments', async () => {
    const core = await library()
    const [row] = await call(core, 'library.list', { outlet: 'Tagesblick' })
    expect(await call(core, 'article.delete', { id: row!.id })).toEqual({ deleted: true })
    expect((await core.invoke('article.get', { id: row!.id })).ok).toBe(false)
    const left = core.db
      .prepare(
        'SELECT (SELECT count(*) FROM paragraphs WHERE article_id = ?) p, (SELECT count(*) FROM comments WHERE article_id = ?) c',
      )
      .get(row!.id, row!.id)
    expect(left).toEqual({ p: 0, c: 0 })
    expect((await call(core, 'library.outlets', {})).map((o) => o.name)).not.toContain('Tagesblick')
  })

  it('answers a missing article with not_found', async () => {
    const core = testCore()
    const r = await core.invoke('article.get', { id: 4711 })
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 4711 in the library.' },
    })
  })
})

describe('the sample library', () => {
  it('fills an empty library on first start, once', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const core = testCore({ libraryPath: path })
    expect(await core.ensureSampleLibrary()).toBe(4)
    const rows = await call(core, 'library.list', {})
    expect(rows.map((r) => r.outlet).sort()).toEqual([
      'Hanse-Kurier',
      'Mitteldeutsche Rundschau',
      'Radio Bernstein',
      'Tagesblick',
    ])
    // the user deletes everything: the sample does not come back on the next start
    for (const r of rows) await call(core, 'article.delete', { id: r.id })
    core.close()
    const reopened = testCore({ libraryPath: path })
    expect(await reopened.ensureSampleLibrary()).toBe(0)
    expect(await call(reopened, 'library.list', {})).toEqual([])
  })

  it('leaves a library that already has articles alone', async () => {
    const core = testCore()
    await call(core, 'import.paths', { paths: [f('latin1.txt')] })
    expect(await core.ensureSampleLibrary()).toBe(0)
    expect(await call(core, 'library.list', {})).toHaveLength(1)
  })

  it('reports facts that overlap across outlets: one event, four reports', async () => {
    const core = testCore()
    await core.ensureSampleLibrary()
    const texts = await Promise.all(
      (await call(core, 'library.list', {})).map(async (r) =>
        (await call(core, 'article.get', { id: r.id })).paragraphs.join(' '),
      ),
    )
    for (const t of texts) expect(t).toMatch(/Rostock/)
    expect(texts.filter((t) => /1,2 Milliarden/.test(t)).length).toBeGreaterThanOrEqual(3)
  })
})

describe('the library file', () => {
  it('keeps articles across a restart', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const core = createCore({ libraryPath: path, canImportPaths: true })
    await call(core, 'import.paths', { paths: [f('latin1.txt')] })
    core.close()
    const again = testCore({ libraryPath: path })
    const rows = await call(again, 'library.list', {})
    expect(rows.map((r) => r.title)).toEqual([
      'Bürgerbüro in der Köpenicker Straße ändert Öffnungszeiten',
    ])
  })

  it('refuses import by path where the host cannot offer it (a browser tab)', async () => {
    const core = testCore({ canImportPaths: false })
    const r = await core.invoke('import.paths', { paths: [f('latin1.txt')] })
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})

describe('importing from the web', () => {
  it('imports a page by URL and reports what the server did wrong', async () => {
    const { createServer } = await import('node:http')
    const page = readFileSync(f('mitteldeutsche-rundschau.html'))
    const server = createServer((req, res) => {
      if (req.url === '/artikel')
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
      else if (req.url === '/bild')
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([137, 80, 78, 71]))
      else res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    try {
      const core = testCore()
      const report = await call(core, 'import.paths', {
        paths: [`${base}/artikel`, `${base}/fehlt`, `${base}/bild`],
      })
      expect(report.results[0]).toMatchObject({
        source: `${base}/artikel`,
        title: 'Ein Versprechen ohne Preisschild',
        outlet: 'Mitteldeutsche Rundschau',
        error: null,
      })
      expect(report.results[1]!.error).toEqual({
        code: 'io_error',
        message: 'The server answered 404 Not Found.',
      })
      expect(report.results[2]!.error).toMatchObject({ code: 'unsupported_type' })
    } finally {
      server.close()
    }
  })
})
