/**
 * A large import of files has a second thread read, extract and analyse them ahead: the
 * library it makes must be the one the import's own thread makes alone, and whatever becomes
 * of the thread (a broken file, a thread that dies, a cancel), no file is lost.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type Db } from '../../electron/core/db/open'
import { furnitureImportHooks } from '../../electron/core/furniture/handlers'
import { addRule } from '../../electron/core/furniture/store'
import { ExtractionAhead } from '../../electron/core/import/ahead'
import { startSpareFor, takeSpare } from '../../electron/core/import/ahead/spare'
import { importSources, sourcesFromPaths } from '../../electron/core/import/importer'
import { SearchIndex } from '../../electron/core/search'
import { indexPositions } from '../../electron/core/search/analyzer'
import { primedTaken } from '../../electron/core/search/primed'
import { tempDir } from '../helpers/core'

const PLACES = ['Kiel', 'Passau', 'Görlitz', 'Trier', 'Emden', 'Suhl', 'Lindau', 'Husum']
const TOPICS = [
  'die Sanierung der Rheinbrücke',
  'den Ausbau des Glasfasernetzes',
  'die Sechs-Parteien-Gespräche über den Haushalt',
  'die Schließung der Geburtsstation',
  'den Neubau der Gesamtschule',
  'die Verlängerung der Straßenbahnlinie',
]
const SAYS = ['Die Bürgermeisterin', 'Der Landrat', 'Ein Sprecher der Stadtwerke', 'Die Opposition']

/** A made-up local news text, different for every n (title, blank line, paragraphs). */
function article(n: number): string {
  const place = PLACES[n % PLACES.length]!
  const topic = TOPICS[(n * 7) % TOPICS.length]!
  const who = SAYS[(n * 3) % SAYS.length]!
  return [
    `${place}: Stadtrat berät über ${topic} (${n})`,
    '',
    `Der Stadtrat von ${place} hat am Dienstagabend über ${topic} beraten. ${who} sprach von einer Entscheidung, die seit ${(n % 9) + 2} Jahren überfällig sei.`,
    '',
    `Die Kosten werden auf ${((n * 13) % 90) + 10} Millionen Euro geschätzt. Ob das Land einen Zuschuss gewährt, ist noch offen; der Antrag Nummer ${n} liegt seit dem Frühjahr in der Bezirksregierung.`,
    '',
    `Anwohnerinnen und Anwohner hatten ${n % 2 ? 'Unterschriften gesammelt' : 'eine Bürgerversammlung verlangt'}. Die nächste Sitzung ist für den ${(n % 28) + 1}. März angesetzt.`,
    '',
  ].join('\n')
}

/** A folder of `count` articles, with a broken file, an empty one and an exact copy among them. */
function folder(count: number): string {
  const dir = join(tempDir(), 'artikel')
  mkdirSync(dir)
  for (let n = 0; n < count; n++)
    writeFileSync(join(dir, `${String(n).padStart(4, '0')}.txt`), article(n))
  writeFileSync(
    join(dir, '0050-kaputt.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
  )
  writeFileSync(join(dir, '0060-leer.txt'), '   \n\n  ')
  writeFileSync(join(dir, '0070-kopie.txt'), article(3))
  // nearly the same as article 7: a sentence added
  writeFileSync(join(dir, '0080-fast.txt'), `${article(7)}Die Sitzung war öffentlich.\n`)
  return dir
}

const open: Db[] = []
afterEach(async () => {
  await takeSpare()?.terminate()
  while (open.length) open.pop()!.close()
  delete process.env.LESESAAL_EXTRACT_WORKER
})

async function importFolder(
  dir: string,
  ahead: 'always' | 'only' | 'never',
  options: {
    signal?: AbortSignal
    onProgress?: (done: number) => void
    /** A line the user marked as page furniture everywhere, before the import. */
    furniture?: string
  } = {},
) {
  const db = openLibrary(':memory:')
  open.push(db)
  const search = new SearchIndex(db)
  await search.ready()
  if (options.furniture) addRule(db, { outlet: null, text: options.furniture, source: 'user' })
  const { sources } = await sourcesFromPaths([dir])
  const results = await importSources(db, sources, () => {}, {
    index: () => search.drain(),
    near: { search, mode: 'skip' },
    ahead,
    signal: options.signal,
    onProgress: options.onProgress,
    hooks: furnitureImportHooks(db, async () => {}),
  })
  return { db, search, results }
}

/** The files of a folder as the import hands them to the thread. */
async function filesOf(dir: string) {
  const { sources } = await sourcesFromPaths([dir])
  return sources.flatMap((s, at) =>
    'path' in s && s.path ? [{ at, path: s.path, fileName: s.fileName }] : [],
  )
}

/** A stand-in for the extraction thread: `onFiles(m)` runs on the import's list of files. */
function fakeThread(onFiles: string): void {
  const script = join(tempDir(), 'thread.mjs')
  writeFileSync(
    script,
    `import { parentPort } from 'node:worker_threads'
const failed = (file, message) => parentPort.postMessage({ type: 'file', at: file.at,
  keysFrom: 0, newKeys: [], ok: false, error: { code: 'internal', message } })
parentPort.on('message', (m) => {
  if (m.type !== 'files') return
  const next = new Int32Array(m.next)
  ${onFiles}
})
`,
  )
  process.env.LESESAAL_EXTRACT_WORKER = script
}

const paragraphs = (db: Db) =>
  db.prepare('SELECT article_id, position, text FROM paragraphs ORDER BY 1, 2').all()

async function found(search: SearchIndex, query: string) {
  const { hits, total } = await search.search(query, {}, 20, 0)
  return { total, hits: hits.map((h) => [h.articleId, h.score.toFixed(6)]) }
}

describe('extraction ahead in a second thread', () => {
  it('makes the same library as the import alone, with the analyses it handed over', async () => {
    const dir = folder(120)
    // this thread numbers index keys in another order than the extraction thread will
    indexPositions('Ganz andere Wörter zuerst: Zuschuss, Haushalt, Kiel und Görlitz am Ende.')
    const alone = await importFolder(dir, 'never')
    const before = primedTaken()
    const ahead = await importFolder(dir, 'only')
    // the writer used the thread's analyses (a title and a text per stored article)
    const stored = ahead.results.filter((r) => r.id !== null).length
    expect(stored).toBe(120)
    expect(primedTaken() - before).toBeGreaterThanOrEqual(2 * stored)

    expect(ahead.results).toEqual(alone.results)
    const byName = new Map(ahead.results.map((r) => [r.source.split('/').pop(), r]))
    expect(byName.get('0050-kaputt.txt')!.error?.code).toBeTruthy()
    expect(byName.get('0060-leer.txt')!.error?.code).toBe('empty_file')
    expect(byName.get('0070-kopie.txt')!.duplicateOf).toBe(byName.get('0003.txt')!.id)
    expect(byName.get('0080-fast.txt')!.nearDuplicateOf?.id).toBe(byName.get('0007.txt')!.id)
    expect(paragraphs(ahead.db)).toEqual(paragraphs(alone.db))
    for (const query of [
      'Geburtsstation',
      'Parteien',
      'Sechs-Parteien-Gespräche Haushalt',
      '"Stadtrat von Görlitz"',
      'Rheinbrücke -Kiel',
      'Bezirksregierung Zuschuss',
    ]) {
      const mine = await found(ahead.search, query)
      expect(mine.total, query).toBeGreaterThan(0)
      expect(mine, query).toEqual(await found(alone.search, query))
    }
  }, 60_000)

  it('takes the thread started with the command, only for an import large enough for one', async () => {
    const small = folder(30)
    const dir = folder(210)
    startSpareFor(['import', small, '--json'])
    startSpareFor(['search', dir])
    expect(takeSpare()).toBeNull()
    startSpareFor(['--library', 'bibliothek.sqlite', 'import', dir, '--json'])
    const alone = await importFolder(dir, 'never')
    const before = primedTaken()
    const ahead = await importFolder(dir, 'only')
    // the import took the waiting thread and used its analyses
    expect(takeSpare()).toBeNull()
    expect(primedTaken() - before).toBeGreaterThanOrEqual(2 * 210)
    expect(ahead.results).toEqual(alone.results)
    expect(paragraphs(ahead.db)).toEqual(paragraphs(alone.db))
  }, 60_000)

  it('makes the same library when both threads take files as they come', async () => {
    const dir = folder(150)
    const alone = await importFolder(dir, 'never')
    const both = await importFolder(dir, 'always')
    expect(both.results).toEqual(alone.results)
    expect(paragraphs(both.db)).toEqual(paragraphs(alone.db))
    for (const query of ['Geburtsstation', 'Sechs-Parteien-Gespräche', '"Antrag Nummer 77"'])
      expect(await found(both.search, query), query).toEqual(await found(alone.search, query))
  }, 60_000)

  it('takes out the lines the library knows as page furniture, as the import alone does', async () => {
    const dir = folder(40)
    for (const n of [5, 17, 33])
      writeFileSync(
        join(dir, `${String(n).padStart(4, '0')}.txt`),
        article(n).replace('\n\n', '\n\nArtikel merken und später lesen\n\n'),
      )
    const line = 'Artikel merken und später lesen'
    const alone = await importFolder(dir, 'never', { furniture: line })
    const ahead = await importFolder(dir, 'only', { furniture: line })
    const withLine = (db: Db) =>
      db.prepare('SELECT count(*) FROM paragraphs WHERE text = ?').pluck().get(line)
    expect(withLine(ahead.db)).toBe(0)
    expect(paragraphs(ahead.db)).toEqual(paragraphs(alone.db))
    expect(ahead.results).toEqual(alone.results)
    // and what was taken out is searched as little as the import alone searches it
    expect(await found(ahead.search, 'später')).toEqual(await found(alone.search, 'später'))
  }, 60_000)

  it('extracts a file itself when the thread has not started on it, and waits for one it has', async () => {
    const files = await filesOf(folder(20))
    const ahead = ExtractionAhead.start(files, { always: true })!
    try {
      // the thread is still starting: the first file is the caller's to extract
      expect(await ahead.take(files[0]!.at)).toBeNull()
      await ahead.started
      const second = await ahead.take(files[1]!.at)
      expect(second?.ok && second.x.article.title).toMatch(/^Passau: Stadtrat berät/)
      // every other file comes once, from one thread or the other
      const rest = await Promise.all(files.slice(2).map((f) => ahead.take(f.at)))
      for (const r of rest) if (r?.ok) expect(r.x.article.paragraphs.length).toBe(3)
    } finally {
      await ahead.stop()
    }
  }, 60_000)

  it('extracts the next files itself while the thread is slow on one', async () => {
    const files = await filesOf(folder(8))
    // a thread that takes the first two files, answers the first at once and the second late
    fakeThread(`const first = m.files[Atomics.add(next, 0, 1)]
  const second = m.files[Atomics.add(next, 0, 1)]
  failed(first, 'langsam ' + first.fileName)
  setTimeout(() => failed(second, 'langsam ' + second.fileName), 500)`)
    const ahead = ExtractionAhead.start(files, { always: true })!
    try {
      await ahead.started
      expect(await ahead.take(files[0]!.at)).toMatchObject({ ok: false })
      const helped: string[] = []
      const second = await ahead.take(files[1]!.at, {
        room: () => helped.length < 4,
        extract: async (file) => {
          helped.push(file.fileName)
        },
      })
      // the files after the slow one were handed over, in order, while it was waited for, as
      // many as there was room for
      expect(helped).toEqual(files.slice(2, 6).map((f) => f.fileName))
      expect(second).toMatchObject({
        ok: false,
        error: { message: `langsam ${files[1]!.fileName}` },
      })
      // and the next one nobody has taken is still there to take
      expect(await ahead.take(files[6]!.at)).toBeNull()
    } finally {
      await ahead.stop()
    }
  }, 60_000)

  it('stores the files it extracted early in their turn, with the slow one in its place', async () => {
    const dir = folder(300)
    // a thread that, once started, takes one file, and reports it as failed a second later
    fakeThread(`const file = m.files[Atomics.add(next, 0, 1)]
  if (file) setTimeout(() => failed(file, 'Die Datei hing.'), 1000)`)
    const alone = await importFolder(dir, 'never')
    const hung = (rs: typeof alone.results) =>
      rs.findIndex((r) => r.error?.message === 'Die Datei hing.')
    let both = await importFolder(dir, 'always')
    // on a busy machine the thread may start only after every file was taken: it then took
    // none (and nothing was lost), and the import runs again, three times at most
    for (let run = 1; hung(both.results) < 0 && run < 3; run++) {
      expect(both.results.map((r) => r.source)).toEqual(alone.results.map((r) => r.source))
      both = await importFolder(dir, 'always')
    }
    const stuck = hung(both.results)
    expect(stuck).toBeGreaterThanOrEqual(0)
    // in its place: the file the thread took (whichever it was, on a busy machine perhaps the
    // last one) stands where it stands when the import runs alone
    expect(both.results[stuck]!.source).toBe(alone.results[stuck]!.source)
    // apart from that file, the same files in the same order, with the same outcome
    const others = (rs: typeof both.results) =>
      rs.flatMap((r, i) => (i === stuck ? [] : [[r.source, r.title, r.error?.code ?? null]]))
    expect(others(both.results)).toEqual(others(alone.results))
  }, 60_000)

  it('imports every file itself when the thread dies', async () => {
    const dir = folder(30)
    fakeThread('process.exit(3)')
    const { results, search } = await importFolder(dir, 'always')
    expect(results).toHaveLength(34)
    expect(results.filter((r) => r.id !== null)).toHaveLength(30)
    expect((await found(search, 'Geburtsstation')).total).toBeGreaterThan(0)
  }, 60_000)

  it('stops with the thread when the import is cancelled, keeping what was stored', async () => {
    const dir = folder(150)
    const stop = new AbortController()
    const { results, db } = await importFolder(dir, 'always', {
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 40) stop.abort()
      },
    })
    expect(results).toHaveLength(40)
    const count = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    expect(count).toBe(results.filter((r) => r.id !== null).length)
    expect(count).toBeGreaterThan(30)
  }, 60_000)
})
