/** Finding a worker thread's script, built or from source. */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export interface WorkerScript {
  file: URL | string
  execArgv: string[]
}

/**
 * A worker's script: the one the environment variable `env` names (the benchmark measures
 * the built worker from source; tests try workers that fail); built, `built` next to the
 * bundle of the module at `from` (out/main); from source (tests, the benchmark), `source`
 * through tsx when it is installed. Null when there is none.
 */
export function findWorkerScript(opts: {
  env: string
  built: string
  source: URL
  from: string
}): WorkerScript | null {
  const chosen = process.env[opts.env]
  if (chosen && existsSync(chosen)) return { file: chosen, execArgv: [] }
  const here = dirname(fileURLToPath(opts.from))
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, opts.built)
    if (existsSync(built)) return { file: built, execArgv: [] }
  }
  if (!existsSync(fileURLToPath(opts.source))) return null
  try {
    const tsx = createRequire(opts.from).resolve('tsx')
    return { file: opts.source, execArgv: ['--import', pathToFileURL(tsx).href] }
  } catch {
    return null
  }
}
