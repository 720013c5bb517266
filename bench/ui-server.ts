/**
 * Browser mode for the UI benchmark, in its own process: the same core and web server as
 * `npm run web`, serving a given renderer build (this one, or the peer's: the list before
 * virtualisation). Prints `Lesesaal: URL` once it listens, like `npm run web`.
 *
 *   node --import tsx bench/ui-server.ts LIBRARY RENDERER_DIR
 */
import { randomBytes } from 'node:crypto'
import { createCore } from '../electron/core'
import { startWebServer } from '../electron/web/server'

const [library, rendererDir] = process.argv.slice(2)
if (!library || !rendererDir) {
  console.error('usage: ui-server.ts LIBRARY RENDERER_DIR')
  process.exit(1)
}
const core = createCore({ libraryPath: library, mode: 'browser' })
const server = await startWebServer({
  core,
  token: randomBytes(24).toString('base64url'),
  rendererDir,
})
process.stdout.write(`Lesesaal: ${server.url}\n`)
core.warmUp()
const stop = () => void server.close().then(() => (core.close(), process.exit(0)))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
