/**
 * Browser mode: the renderer and the same handler table, served over HTTP on 127.0.0.1.
 *
 * Every request needs the per-run token: the first page load carries it in the URL
 * (`/?token=…`) and receives it as a SameSite=Strict cookie; API calls must also send it in
 * the `X-Lesesaal-Token` header, which a foreign page cannot set without a CORS preflight we
 * never answer (a second tab, which has only the cookie, sends `X-Lesesaal-Client` for the
 * same reason). The Host header is checked against loopback names (DNS rebinding).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import { eventNames } from '../../shared/contract'
import type { Core } from '../core'

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
}

const MAX_BODY = 200 * 1024 * 1024

export interface WebServer {
  url: string
  port: number
  close: () => Promise<void>
}

export interface WebServerOptions {
  core: Core
  token: string
  rendererDir: string
  port?: number
}

/** Starts browser mode on 127.0.0.1 and resolves once it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { core, token, rendererDir } = opts
  const streams = new Set<ServerResponse>()
  /** Event streams whose headers are on the wire: events may go straight to the socket. */
  const flushed = new WeakSet<ServerResponse>()
  /**
   * Node's response buffers what is written until the event loop turns; a long synchronous
   * job (a dictionary import's transaction) reports progress from inside, so once the stream
   * is open, each event goes straight to the socket as one chunk of the chunked response.
   */
  const sendEvent = (res: ServerResponse, data: string) => {
    const socket = res.socket
    if (!flushed.has(res) || !res.chunkedEncoding || !socket || socket.destroyed) {
      res.write(data)
      return
    }
    socket.write(`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`)
  }
  const unsubscribe = core.subscribe((event, payload) => {
    const data = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`
    for (const res of streams) sendEvent(res, data)
  })
  let port = 0
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[lesesaal] request failed:', err)
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } })
      else res.end()
    })
  })

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!hostAllowed(req.headers.host, port))
      return send(res, 421, { ok: false, error: { code: 'unauthorized', message: 'Wrong host.' } })

    if (url.pathname.startsWith('/api/')) {
      // The header token, or the cookie plus a custom header (which cross-site pages cannot send
      // without a preflight); the event stream (EventSource sends no headers) needs the cookie.
      const cookieOk = sameToken(cookieToken(req), token)
      const allowed =
        sameToken(req.headers['x-lesesaal-token'], token) ||
        (cookieOk && req.headers['x-lesesaal-client'] === '1') ||
        (cookieOk && req.method === 'GET' && url.pathname === '/api/events')
      if (!allowed) {
        return send(res, 401, {
          ok: false,
          error: { code: 'unauthorized', message: 'Missing or wrong access token.' },
        })
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res)
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } })
      const method = decodeURIComponent(url.pathname.slice('/api/'.length))
      let input: unknown
      try {
        const body = await readBody(req)
        input = body.length ? JSON.parse(body) : {}
      } catch (err) {
        const tooBig = (err as Error).message === 'too_large'
        return send(res, tooBig ? 413 : 400, {
          ok: false,
          error: {
            code: tooBig ? 'too_large' : 'invalid_input',
            message: tooBig ? 'The request is too large.' : 'The request body is not valid JSON.',
          },
        })
      }
      return send(res, 200, await core.invoke(method, input))
    }

    // The page itself: the token in the URL (first load) or the cookie it set.
    const urlToken = url.searchParams.get('token')
    const authorised = sameToken(urlToken ?? undefined, token) || sameToken(cookieToken(req), token)
    if (!authorised) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() })
      return res.end(
        'Lesesaal: open the address printed in the terminal (it contains the access token).\n',
      )
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use GET.' } })
    const cookie: Record<string, string> = urlToken
      ? { 'Set-Cookie': `lesesaal_token=${token}; HttpOnly; SameSite=Strict; Path=/` }
      : {}
    return serveStatic(url.pathname, res, cookie)
  }

  const openEventStream = (res: ServerResponse) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      ...securityHeaders(),
    })
    res.write(`: ${eventNames.join(' ')}\n\n`, () => flushed.add(res))
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const serveStatic = async (
    pathname: string,
    res: ServerResponse,
    extra: Record<string, string>,
  ) => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const full = normalize(join(rendererDir, rel))
    if (!full.startsWith(normalize(rendererDir) + sep) && full !== normalize(rendererDir)) {
      return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } })
    }
    const info = await stat(full).catch(() => null)
    // unknown paths get the app (client-side routes), assets must exist
    const target = info?.isFile()
      ? full
      : rel.includes('.')
        ? null
        : join(rendererDir, 'index.html')
    if (!target)
      return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } })
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      ...securityHeaders(),
      ...extra,
    })
    createReadStream(target).pipe(res)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe()
        for (const res of streams) res.end()
        server.close(() => resolveClose())
        server.closeAllConnections()
      }),
  }
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('too_large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function cookieToken(req: IncomingMessage): string | undefined {
  const m = /(?:^|;\s*)lesesaal_token=([^;]+)/.exec(req.headers.cookie ?? '')
  return m?.[1]
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}
