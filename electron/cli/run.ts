// Entry point of the `lesesaal` command (built to out/main/cli.js).
import { main } from './index'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`lesesaal: ${(err as Error).message}\n`)
    process.exitCode = 1
  },
)
