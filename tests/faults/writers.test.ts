/**
 * Two writers on one library at once: two imports by the CLI, and the app in browser mode
 * with the CLI importing into its library. Nothing fails, nothing is lost, the index agrees
 * with the articles, and the app sees what the other process wrote.
 *
 * The second test is the finding of issue 10: the running app must notice the CLI's writes
 * before it writes itself (the change watcher, `db/changes.ts`).
 */
import { request } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWeb } from '../e2e/browser'
import { tempDir } from '../helpers/core'
import { articles, checkWhole, ended, FULL, startCli } from './helpers'

const EACH = FULL ? 1000 : 150

describe('two writers at once', () => {
  it('two CLI imports into one library at once, with searches in between', async () => {
    const dir = tempDir()
    const library = join(dir, 'library.sqlite')
    const a = articles(join(dir, 'a'), EACH, 0)
    const b = articles(join(dir, 'b'), EACH, EACH)
    const first = ended(startCli(['--library', library, 'import', a, '--json']))
    const second = ended(startCli(['--library', library, 'import', b, '--json']))
    const searches: Promise<{ code: number | null; stdout: string; stderr: string }>[] = []
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 400))
      searches.push(ended(startCli(['--library', library, 'search', 'Lesesaal', '--json'])))
    }
    for (const run of [await first, await second]) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const results = JSON.parse(run.stdout) as { id: number | null; error: unknown }[]
      expect(results.filter((r) => r.error)).toEqual([])
      expect(results.every((r) => r.id !== null)).toBe(true)
    }
    for (const s of await Promise.all(searches)) {
      expect(s.code, s.stderr).toBe(0)
      expect(JSON.parse(s.stdout).total).toBeGreaterThanOrEqual(0)
    }
    expect(await checkWhole(library)).toMatchObject({
      integrity: 'ok',
      articles: 2 * EACH,
      consistent: true,
      searchable: 2 * EACH,
    })
  })

  it('the app in browser mode sees what the CLI imported into its library, and keeps writing', async () => {
    const dir = tempDir()
    const library = join(dir, 'library.sqlite')
    const web = await startWeb(library)
    try {
      const url = new URL(web.url)
      const token = url.searchParams.get('token')!
      const api = (method: string, input: unknown) =>
        new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>(
          (resolve, reject) => {
            const body = Buffer.from(JSON.stringify(input))
            const req = request(
              {
                host: url.hostname,
                port: url.port,
                path: `/api/${method}`,
                method: 'POST',
                headers: {
                  'Content-Type': 'application/json',
                  'Content-Length': body.length,
                  'X-Lesesaal-Token': token,
                },
              },
              (res) => {
                let text = ''
                res.on('data', (c: Buffer) => (text += c.toString()))
                res.on('end', () => resolve(JSON.parse(text)))
              },
            )
            req.on('error', reject)
            req.end(body)
          },
        )
      // the app writes first (its index's memory is loaded) …
      const pasted = await api('import.text', {
        text: 'Der Stadtrat tagt am Montag. Auf der Tagesordnung steht der Haushalt für das kommende Jahr und der Bau einer neuen Brücke.',
      })
      expect(pasted.ok).toBe(true)
      // … then the CLI imports articles with words the app's index has never seen …
      const folder = join(dir, 'deich')
      articles(folder, 20, 1000)
      for (let i = 0; i < 20; i++)
        writeFileSync(
          join(folder, `deich-${i}.txt`),
          `Deichverstärkung an der Küste, Teil ${i}\n\nDie Deichverstärkung beginnt im Frühjahr. Das Land zahlt für die Sturmflutvorsorge ${i} Millionen Euro.\n`,
        )
      const cli = await ended(startCli(['--library', library, 'import', folder, '--json']))
      expect(cli.code).toBe(0)
      // … and the app finds them, and can write those words itself
      const found = (await api('search.query', { query: 'Deichverstärkung', limit: 50 })) as {
        ok: boolean
        value?: { total: number }
      }
      expect(found).toMatchObject({ ok: true, value: { total: 20 } })
      const again = await api('import.text', {
        text: 'Die Deichverstärkung und die Sturmflutvorsorge kosten mehr als geplant, sagte die Ministerin am Dienstag im Landtag.',
      })
      expect(again).toMatchObject({ ok: true })
      // every article of both writers (and the sample library the app loaded) is indexed
      const status = (await api('search.status', {})) as {
        ok: boolean
        value: { consistent: boolean; articles: number; indexed: number }
      }
      const info = (await api('app.info', {})) as { value: { articleCount: number } }
      expect(status).toMatchObject({ ok: true, value: { consistent: true } })
      expect(status.value.indexed).toBe(info.value.articleCount)
      expect(info.value.articleCount).toBeGreaterThanOrEqual(42)
    } finally {
      await web.stop()
    }
    expect(await checkWhole(library)).toMatchObject({ integrity: 'ok', consistent: true })
  })
})
