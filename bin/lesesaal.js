#!/usr/bin/env node
// The `lesesaal` command. The TypeScript sources are built to out/ by `npm install` (prepare).
import { existsSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { fileURLToPath } from 'node:url'

// the compiled program is kept between runs (in the system's temporary folder): a command
// starts faster from its second run on; nothing changes when the cache cannot be written
enableCompileCache?.()

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'lesesaal: the program is not built yet; run "npm run build" in the project folder.\n',
  )
  process.exit(1)
}
await import(cli.href)
