/**
 * Several processes, one library: browser mode (as the app) imports and searches while
 * `lesesaal import` runs in other processes on the same file. Every import lands, each side
 * finds the other's articles, the index stays consistent and nobody sees an error.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')
const SERVER = join(ROOT, 'out/main/web.js')

beforeAll(() => {
  if (!existsSync(SERVER)) throw new Error('Build first: npm run build (npm test does it).')
})

const SYLLABLES = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'so', 'ti', 'wu', 'de']

/** A made-up place name, different for every number: each article's own search word. */
function placeName(n: number): string {
  const s = [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100) % 10].map((i) => SYLLABLES[i])
  return `Ort${s.join('')}heim`.replace(/^./, (c) => c.toUpperCase())
}

/** A short German report about a made-up town, in two paragraphs. */
function article(n: number, author: string): string {
  const place = placeName(n)
  return [
    `Neue Brücke für ${place}`,
    '',
    `In ${place} hat der Gemeinderat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen. Die Planung soll noch in diesem Jahr beginnen, berichtet ${author}.`,
    '',
    `Bürgerinnen und Bürger aus ${place} hatten lange auf die Entscheidung gewartet. Die alte Holzbrücke war im Winter gesperrt worden, weil Gutachter Schäden an den Pfeilern fanden.`,
    '',
  ].join('\n')
}

interface Server {
  url: URL
  token: string
  stderr: () => string
  stop: () => Promise<void>
}

const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM')
})

async function startServer(library: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--library', library], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const address = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /^Lesesaal: (\S+)\n/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)))
  })
  const url = new URL(address)
  return {
    url,
    token: url.searchParams.get('token')!,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

async function api<T>(server: Server, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lesesaal-Token': server.token },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.value!
}

function lesesaal(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, LESESAAL_LIBRARY: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    )
    running.push(child)
  })
}

/** The events browser mode pushes to the page, as the page receives them. */
async function listen(server: Server): Promise<{ events: unknown[]; close: () => void }> {
  const controller = new AbortController()
  const res = await fetch(`${server.url.origin}/api/events`, {
    headers: { Cookie: `lesesaal_token=${server.token}` },
    signal: controller.signal,
  })
  const events: unknown[] = []
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, i))
          if (data) events.push(JSON.parse(data[1]!))
          buffer = buffer.slice(i + 2)
        }
      }
    } catch {
      // closed
    }
  })()
  return { events, close: () => controller.abort() }
}

interface Hit {
  id: number
  title: string
}
interface Results {
  hits: Hit[]
  total: number
}

describe('several processes on one library', () => {
  it('lets browser mode and CLI imports write and search one library at once', async () => {
    const dir = tempDir()
    const library = join(dir, 'library.sqlite')
    const server = await startServer(library)
    const events = await listen(server)
    const sample = (await api<{ articleCount: number }>(server, 'app.info', {})).articleCount

    // four folders of articles for the command line, four batches for browser mode
    const folders = [0, 1, 2, 3].map((f) => {
      const folder = join(dir, `cli-${f}`)
      mkdirSync(folder)
      for (let i = 0; i < 12; i++)
        writeFileSync(join(folder, `bericht-${i}.txt`), article(f * 12 + i, 'die Kommandozeile'))
      return folder
    })
    const uploads = [0, 1, 2, 3].map((b) =>
      Array.from({ length: 12 }, (_, i) => ({
        name: `web-${b}-${i}.txt`,
        data: Buffer.from(article(500 + b * 12 + i, 'der Browser')).toString('base64'),
      })),
    )

    // two command lines at a time, browser mode importing and searching all along
    const cli = Promise.all([
      lesesaal(['--library', library, 'import', folders[0]!, '--json']).then(async (a) => [
        a,
        await lesesaal(['--library', library, 'import', folders[2]!, '--json']),
      ]),
      lesesaal(['--library', library, 'import', folders[1]!, '--json']).then(async (a) => [
        a,
        await lesesaal(['--library', library, 'import', folders[3]!, '--json']),
      ]),
    ]).then((pairs) => pairs.flat())
    const web = (async () => {
      const reports = []
      for (const files of uploads) {
        reports.push(
          await api<{ results: { id: number | null; error: unknown }[] }>(server, 'import.files', {
            files,
          }),
        )
        await api<Results>(server, 'search.query', { query: 'Brücke Gemeinderat' })
      }
      return reports
    })()
    let searching = true
    const searches = (async () => {
      let n = 0
      while (searching) {
        await api<Results>(server, 'search.query', { query: 'Holzbrücke Pfeiler' })
        n++
      }
      return n
    })()
    const cliRuns = await cli
    const webReports = await web
    searching = false
    expect(await searches).toBeGreaterThan(0)

    // every import landed, and said so
    for (const run of cliRuns) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const results = JSON.parse(run.stdout) as { id: number | null; error: unknown }[]
      expect(results).toHaveLength(12)
      for (const r of results) expect(r).toMatchObject({ error: null, id: expect.any(Number) })
    }
    for (const report of webReports)
      for (const r of report.results) expect(r).toMatchObject({ error: null })
    expect((await api<{ articleCount: number }>(server, 'app.info', {})).articleCount).toBe(
      sample + 96,
    )

    // browser mode finds what the command line imported, the command line what it imported
    for (const n of [0, 13, 30, 47]) {
      const found = await api<Results>(server, 'search.query', { query: placeName(n) })
      expect(found.total, placeName(n)).toBe(1)
      expect(found.hits[0]!.title).toBe(`Neue Brücke für ${placeName(n)}`)
    }
    for (const n of [500, 520, 547]) {
      const r = await lesesaal(['--library', library, 'search', placeName(n), '--json'])
      expect(r.code).toBe(0)
      expect((JSON.parse(r.stdout) as Results).total, placeName(n)).toBe(1)
    }
    const everything = await api<Results>(server, 'search.query', { query: 'Holzbrücke' })
    expect(everything.total).toBe(96)

    // the index agrees with the library, and a rebuilt one gives the same answers
    const check = await lesesaal(['--library', library, 'index', '--check', '--json'])
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toMatchObject({
      consistent: true,
      articles: sample + 96,
      indexed: sample + 96,
      pending: 0,
    })
    const queries = [
      'Brücke',
      'Gemeinderat Dienstag',
      '"alte Holzbrücke"',
      'Gutachter -Kommandozeile',
    ]
    const before = await Promise.all(
      queries.map((query) => api<Results>(server, 'search.query', { query, limit: 100 })),
    )
    expect((await lesesaal(['--library', library, 'index', '--rebuild', '--json'])).code).toBe(0)
    for (const [i, query] of queries.entries()) {
      const after = await api<Results>(server, 'search.query', { query, limit: 100 })
      expect(after.total, query).toBe(before[i]!.total)
      expect(new Set(after.hits.map((h) => h.id)), query).toEqual(
        new Set(before[i]!.hits.map((h) => h.id)),
      )
    }

    // the page heard that another process changed the library
    await expect
      .poll(() => events.events, { timeout: 5000 })
      .toContainEqual({ event: 'library.changed', payload: { reason: 'external' } })
    events.close()
    expect(server.stderr()).toBe('')
    await server.stop()
  }, 120_000)
})
