/** Browser mode: the same API over HTTP on loopback, behind a per-run token. */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { tempDir, testCore } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const TOKEN = 'test-token-0123456789abcdef'

async function serve(): Promise<WebServer> {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lesesaal</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  const server = await startWebServer({ core: testCore(), token: TOKEN, rendererDir: dir })
  return server
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function http(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

const api = (
  port: number,
  method: string,
  input: unknown,
  headers: Record<string, string> = { 'X-Lesesaal-Token': TOKEN },
) =>
  http(port, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  })

describe('browser mode', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', async () => {
    const s = await serve()
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=${TOKEN}$`))
    await s.close()
  })

  it('refuses the page without the token and hands out a strict cookie with it', async () => {
    const s = await serve()
    expect((await http(s.port, '/')).status).toBe(401)
    expect((await http(s.port, '/assets/app.js')).status).toBe(401)
    const page = await http(s.port, `/?token=${TOKEN}`)
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']?.[0]).toMatch(/lesesaal_token=.*HttpOnly; SameSite=Strict/)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const asset = await http(s.port, '/assets/app.js', {
      headers: { Cookie: `lesesaal_token=${TOKEN}` },
    })
    expect(asset.status).toBe(200)
    await s.close()
  })

  it('refuses API calls without the token, and cookie-only calls without the client header', async () => {
    const s = await serve()
    expect((await api(s.port, 'library.list', {}, {})).status).toBe(401)
    expect((await api(s.port, 'library.list', {}, { 'X-Lesesaal-Token': 'wrong' })).status).toBe(
      401,
    )
    expect(
      (await api(s.port, 'library.list', {}, { Cookie: `lesesaal_token=${TOKEN}` })).status,
    ).toBe(401)
    const ok = await api(
      s.port,
      'library.list',
      {},
      { Cookie: `lesesaal_token=${TOKEN}`, 'X-Lesesaal-Client': '1' },
    )
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] })
    await s.close()
  })

  it('serves the handler table with errors as values', async () => {
    const s = await serve()
    expect(JSON.parse((await api(s.port, 'app.info', {})).body).value).toMatchObject({
      articleCount: 0,
      mode: 'browser',
      canOpenExternal: false,
    })
    expect(JSON.parse((await api(s.port, 'article.get', { id: 3 })).body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 3 in the library.' },
    })
    expect(JSON.parse((await api(s.port, 'library.explode', {})).body).error.code).toBe(
      'unknown_method',
    )
    const bad = await http(s.port, '/api/library.list', {
      method: 'POST',
      headers: { 'X-Lesesaal-Token': TOKEN },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.code).toBe('invalid_input')
    await s.close()
  })

  it('refuses other host names (DNS rebinding) and paths outside the app', async () => {
    const s = await serve()
    expect(
      (await http(s.port, `/?token=${TOKEN}`, { headers: { Host: 'evil.example:80' } })).status,
    ).toBe(421)
    const escape = await http(s.port, '/..%2f..%2f..%2fetc%2fpasswd', {
      headers: { Cookie: `lesesaal_token=${TOKEN}` },
    })
    expect(escape.status).toBe(404)
    await s.close()
  })

  it('pushes events to the page', async () => {
    const s = await serve()
    const received = new Promise<string>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/api/events',
          headers: { Cookie: `lesesaal_token=${TOKEN}` },
        },
        (res) => {
          let buf = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => {
            buf += c
            if (buf.includes('"event":"library.changed"')) {
              resolve(buf)
              req.destroy()
            }
          })
        },
      )
      req.end()
    })
    await new Promise((r) => setTimeout(r, 100))
    await api(s.port, 'import.text', {
      text: 'Der Stadtrat hat gestern beschlossen, die Bibliothek länger zu öffnen. Die Entscheidung fiel einstimmig.',
    })
    const data = await received
    expect(data).toContain('data: {"event":"library.changed","payload":{"reason":"import"}}')
    await s.close()
  })
})

describe('npm run web', () => {
  it('prints one line with the address once ready and loads the sample library on first start', async () => {
    const lib = join(tempDir(), 'web.sqlite')
    const child = spawn(
      process.execPath,
      [join(ROOT, 'out/main/web.js'), '--port', '0', '--library', lib],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          if (out.includes('\n')) resolve(out)
        })
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)))
      })
      expect(line).toMatch(/^Lesesaal: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}\n$/)
      const url = new URL(line.slice('Lesesaal: '.length).trim())
      const r = await api(
        Number(url.port),
        'library.list',
        {},
        { 'X-Lesesaal-Token': url.searchParams.get('token')! },
      )
      expect(JSON.parse(r.body).value).toHaveLength(4)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('explains a bad port in one line', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', 'zwölf'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const code = await new Promise((r) => child.on('exit', r))
    expect(code).toBe(1)
    expect(err).toBe('lesesaal: --port must be a number from 0 to 65535, not "zwölf".\n')
  })
})
