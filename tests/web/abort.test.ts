/** Browser mode drops a request its page gave up on, instead of running it late. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { startWebServer } from '../../electron/web/server'
import { tempDir, testCore } from '../helpers/core'

const TOKEN = 'test-token-0123456789abcdef'

async function serve(core: Core) {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lesesaal</title>')
  return startWebServer({ core, token: TOKEN, rendererDir: dir })
}

/** Sends a whole API request on a raw connection; `close`: hang up at once. */
function send(port: number, method: string, body: unknown, close: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (c) => (answer += c.toString()))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
    const json = JSON.stringify(body)
    const request = `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nX-Lesesaal-Token: ${TOKEN}\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`
    // sent whole; when hanging up, the connection closes right behind it while the server
    // is still busy (it shares this process: a busy loop stands for an older, slow search)
    socket.write(request, () => {
      if (!close) return
      socket.destroy()
      for (const until = Date.now() + 50; Date.now() < until;);
    })
  })
}

describe('a search the page gave up on', () => {
  it('is not run; one the page waits for is', async () => {
    const core = testCore()
    const ran: string[] = []
    const invoke = core.invoke
    core.invoke = (method, input) => {
      ran.push(String(method))
      return invoke(method, input)
    }
    const server = await serve(core)
    try {
      // the request arrives whole, and its connection is closed before its turn comes
      await send(server.port, 'search.query', { query: 'Hafen' }, true)
      await new Promise((r) => setTimeout(r, 50))
      expect(ran).toEqual([])
      const answer = await send(server.port, 'search.query', { query: 'Hafen' }, false)
      expect(answer).toMatch(/^HTTP\/1\.1 200/)
      expect(ran).toEqual(['search.query'])
    } finally {
      await server.close()
    }
  })
})
