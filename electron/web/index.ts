/**
 * `npm run web -- [--port N] [--library PATH] [--dictionary PATH]`: browser mode. Prints one line with the
 * address (including the access token) once it listens, then serves until interrupted.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createCore } from '../core'
import { defaultLibraryPath } from '../core/paths'
import { startWebServer } from './server'

const here = dirname(fileURLToPath(import.meta.url))

/** The built renderer, next to this file when built (out/main -> out/renderer) or in out/ from source. */
export function findRendererDir(): string | null {
  for (const dir of [join(here, '../renderer'), join(here, '../../out/renderer')]) {
    if (existsSync(join(dir, 'index.html'))) return dir
  }
  return null
}

/** The resources folder (sample library, glossary): two levels up from here, built or not. */
export function findResourcesDir(): string {
  return join(here, '../../resources')
}

async function run(): Promise<void> {
  let args
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        library: { type: 'string' },
        // where to look for a system dictionary to offer (default: Debian's trans-de-en)
        dictionary: { type: 'string', multiple: true },
      },
      allowPositionals: false,
    }).values
  } catch (err) {
    fail(
      `${(err as Error).message} (usage: npm run web -- [--port N] [--library PATH] [--dictionary PATH])`,
    )
  }
  const port = args.port === undefined ? 0 : Number(args.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a number from 0 to 65535, not "${args.port}".`)
  const rendererDir = findRendererDir()
  if (!rendererDir) fail('the renderer is not built yet; run "npm run build" first.')
  const libraryPath = args.library ? resolve(args.library) : defaultLibraryPath()
  let core
  try {
    core = createCore({
      libraryPath,
      resourcesPath: findResourcesDir(),
      mode: 'browser',
      systemDictionaries: args.dictionary?.map((d) => resolve(d)),
      // heavy work in a worker thread: the server keeps answering during imports
      jobs: 'worker',
      dailyBackups: true,
    })
  } catch (err) {
    fail((err as Error).message)
  }
  const health = core.health()
  if (health.reason) process.stderr.write(`lesesaal: note: ${health.reason}\n`)
  await core.ensureSampleLibrary()
  // the first search need not load the index: it is read now, before anyone types
  setTimeout(() => void core.search.warm().catch(() => {}), 0)
  const token = randomBytes(24).toString('base64url')
  let server
  try {
    server = await startWebServer({ core, token, rendererDir, port })
  } catch (err) {
    fail(`cannot listen on port ${port}: ${(err as Error).message}`)
  }
  process.stdout.write(`Lesesaal: ${server.url}\n`)
  core.warmUp()
  const stop = () => {
    void server.close().then(() => {
      core.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function fail(message: string): never {
  process.stderr.write(`lesesaal: ${message}\n`)
  process.exit(1)
}

run().catch((err: unknown) => {
  // a bug: one line for the user; the details with LESESAAL_DEBUG=1
  if (process.env.LESESAAL_DEBUG) console.error(err)
  fail(`browser mode stopped because of an unexpected problem (${(err as Error)?.message ?? err}).`)
})
