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
import { eventNames, MAX_DICTIONARY_BYTES } from '../../shared/contract'
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

/** The largest body a valid call can have: a dictionary upload (base64) with room to spare. */
export const MAX_BODY = Math.ceil((MAX_DICTIONARY_BYTES * 4) / 3) + 1024 * 1024

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
  /** The largest request body accepted (tests lower it). */
  maxBody?: number
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
  // while the door is open, other processes' writes reach the page within a second
  const stopWatching = core.watchChanges()
  let port = 0
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[lesesaal] request failed:', err)
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } })
      else res.end()
    })
  })

  const maxBody = opts.maxBody ?? MAX_BODY

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, port))
      return send(res, 421, { ok: false, error: { code: 'unauthorized', message: 'Wrong host.' } })
    let url: URL
    let pathname: string
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return send(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'The address is not a valid URL.' },
      })
    }

    if (pathname.startsWith('/api/')) {
      // A page on another origin may carry the cookie (not the header token), but the browser
      // names it in Origin: only the app's own origin may call the API.
      if (!originAllowed(req.headers.origin, port))
        return send(res, 403, {
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'Requests from other web pages are not accepted.',
          },
        })
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
      if (pathname === '/api/events' && req.method === 'GET') return openEventStream(res)
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } })
      const method = pathname.slice('/api/'.length)
      const body = await readBody(req, maxBody)
      if (body === null) return refuseTooLarge(req, res)
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : {}
      } catch {
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
        })
      }
      // a request its page has given up on (an older keystroke's search, while the core was
      // busy) is not run: two turns of the event loop read the network events that arrived
      // with it (a hang-up right behind a request is read one turn later), then a closed
      // connection is skipped
      for (let turn = 0; turn < 2; turn++) await new Promise((next) => setImmediate(next))
      if (res.destroyed || req.socket.destroyed) return
      return send(res, 200, await core.invoke(method, input))
    }

    // The page itself: the token in the URL (first load) or the cookie it set.
    const urlToken = url.searchParams.get('token')
    const authorised = sameToken(urlToken ?? undefined, token) || sameToken(cookieToken(req), token)
    if (!authorised) {
      const text = Buffer.from(
        'Lesesaal: open the address printed in the terminal (it contains the access token).\n',
      )
      res.writeHead(401, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': String(text.length),
        ...securityHeaders(),
      })
      return res.end(text)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use GET.' } })
    const cookie: Record<string, string> = urlToken
      ? { 'Set-Cookie': `lesesaal_token=${token}; HttpOnly; SameSite=Strict; Path=/` }
      : {}
    return serveStatic(pathname, res, cookie)
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
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
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
        stopWatching()
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

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const text = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(text.length),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
    ...extra,
  })
  res.end(text)
}

/**
 * The request body, or null when it is larger than `max`: a declared length over the limit
 * is refused before a byte is read, a chunked body as soon as it passes the limit.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > max) return Promise.resolve(null)
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size > max) {
        req.off('data', onData)
        req.pause()
        resolveBody(null)
        return
      }
      chunks.push(c)
    }
    req.on('data', onData)
    req.on('end', () => {
      if (size <= max) resolveBody(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

/** 413, then the connection is closed: the rest of the body is never read. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  res.on('finish', () => req.destroy())
  send(
    res,
    413,
    { ok: false, error: { code: 'too_large', message: 'The request is too large.' } },
    { Connection: 'close' },
  )
}

function cookieToken(req: IncomingMessage): string | undefined {
  const m = /(?:^|;\s*)lesesaal_token=([^;]+)/.exec(req.headers.cookie ?? '')
  return m?.[1]
}

/** Compares in constant time; a token of another byte length (umlauts, say) is just wrong. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** No Origin (a script, the CLI, a same-origin GET) or the app's own origin. */
function originAllowed(origin: string | string[] | undefined, port: number): boolean {
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}
