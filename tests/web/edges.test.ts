/**
 * Browser mode at its edges: malformed tokens, malformed URLs, bodies over the limit and
 * foreign origins get a clear status and one sentence, never a 500 or a hanging socket.
 */
import { connect } from 'node:net'
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { tempDir, testCore } from '../helpers/core'

const TOKEN = 'edge-token-0123456789abcdef'

async function serve(maxBody?: number): Promise<WebServer> {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lesesaal</title>')
  return startWebServer({ core: testCore(), token: TOKEN, rendererDir: dir, maxBody })
}

/** Sends raw bytes (a request Node's client would refuse to send) and reads the reply. */
function raw(port: number, text: string | Buffer, endAfterWrite = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text)
      if (endAfterWrite) socket.end()
    })
    let reply = ''
    socket.setEncoding('latin1')
    socket.on('data', (c: string) => {
      reply += c
      // one whole response is enough
      const head = reply.indexOf('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(reply)
      if (head >= 0 && length && reply.length >= head + 4 + Number(length[1])) {
        socket.destroy()
        resolve(reply)
      }
    })
    socket.on('end', () => resolve(reply))
    socket.on('error', reject)
  })
}

const status = (reply: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1])
const body = (reply: string) =>
  JSON.parse(Buffer.from(reply.slice(reply.indexOf('\r\n\r\n') + 4), 'latin1').toString('utf8'))

function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  payload = '{}',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: text }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

describe('browser mode at its edges', () => {
  it('answers a token of another byte length with 401, not 500', async () => {
    const s = await serve()
    try {
      // as many characters as the token, but umlauts take two bytes each
      const umlauts = 'ä'.repeat(TOKEN.length)
      const header = Buffer.concat([
        Buffer.from(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`),
        Buffer.from(`X-Lesesaal-Token: ${umlauts}\r\n`, 'utf8'),
        Buffer.from('Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'),
      ])
      const reply = await raw(s.port, header)
      expect(status(reply)).toBe(401)
      expect(body(reply).error.code).toBe('unauthorized')
      const cookie = Buffer.concat([
        Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`),
        Buffer.from(`Cookie: lesesaal_token=${umlauts}\r\n\r\n`, 'utf8'),
      ])
      expect(status(await raw(s.port, cookie))).toBe(401)
      const page = await raw(
        s.port,
        `GET /?token=${encodeURIComponent(umlauts)} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`,
      )
      expect(status(page)).toBe(401)
    } finally {
      await s.close()
    }
  })

  it('answers a malformed URL with 400 and one sentence', async () => {
    const s = await serve()
    try {
      const api = await raw(
        s.port,
        `POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Lesesaal-Token: ${TOKEN}\r\nContent-Length: 2\r\n\r\n{}`,
      )
      expect(status(api)).toBe(400)
      expect(body(api).error.message).toMatch(/^The address is not a valid URL\.$/)
      const page = await raw(
        s.port,
        `GET /assets/%ZZ.js HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nCookie: lesesaal_token=${TOKEN}\r\n\r\n`,
      )
      expect(status(page)).toBe(400)
    } finally {
      await s.close()
    }
  })

  it('answers a body over the limit with 413 before reading it', async () => {
    const s = await serve(1024)
    try {
      // announces 10 MB, sends 10 bytes, and waits: the answer must not wait for the rest
      const reply = await raw(
        s.port,
        `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Lesesaal-Token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{"a":"bbb"`,
      )
      expect(status(reply)).toBe(413)
      expect(body(reply).error.code).toBe('too_large')
      // without a length (chunked), it stops reading once the limit is passed
      const chunk = 'x'.repeat(800)
      const chunked = await raw(
        s.port,
        `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Lesesaal-Token: ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      )
      expect(status(chunked)).toBe(413)
      // under the limit all is well
      const small = await post(s.port, '/api/app.info', { 'X-Lesesaal-Token': TOKEN })
      expect(small.status).toBe(200)
    } finally {
      await s.close()
    }
  })

  it('refuses API calls from a foreign origin, even with the token', async () => {
    const s = await serve()
    try {
      for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${s.port + 1}`]) {
        const r = await post(s.port, '/api/app.info', { 'X-Lesesaal-Token': TOKEN, Origin: origin })
        expect(r.status, origin).toBe(403)
        expect(JSON.parse(r.body).error.message).toMatch(/^[^\n]+\.$/)
      }
      for (const origin of [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`]) {
        const r = await post(s.port, '/api/app.info', { 'X-Lesesaal-Token': TOKEN, Origin: origin })
        expect(r.status, origin).toBe(200)
      }
      // no Origin at all: a script or the CLI, which has the token
      expect((await post(s.port, '/api/app.info', { 'X-Lesesaal-Token': TOKEN })).status).toBe(200)
    } finally {
      await s.close()
    }
  })
})
