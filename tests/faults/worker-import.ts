// A process that imports a folder the way the app does (jobs in a worker thread), for the
// fault-injection suite to kill at random moments: `node --import tsx worker-import.ts LIB DIR`.
import { createCore } from '../../electron/core'

const [library, folder] = process.argv.slice(2) as [string, string]
const core = createCore({ libraryPath: library, jobs: 'worker', canImportPaths: true })
const r = await core.invoke('import.paths', { paths: [folder] })
process.stdout.write(`${JSON.stringify(r.ok ? r.value.results.length : r.error)}\n`)
core.close()
