// Entry point of the `lesesaal` command (built to out/main/cli.js).
import { fileURLToPath } from 'node:url'
import { startSpareFor } from '../core/import/ahead/spare'

const argv = process.argv.slice(2)
// an import's extraction thread loads beside the command's own code, loaded after it
startSpareFor(argv)
const { main } = await import('./index')

// the resources folder (built-in glossary): two levels up, built (out/main) or not (electron/cli)
main(argv, { resourcesPath: fileURLToPath(new URL('../../resources', import.meta.url)) }).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`lesesaal: ${(err as Error).message}\n`)
    process.exitCode = 1
  },
)
