#!/usr/bin/env node
// The `lesesaal` command. The TypeScript sources are built to out/ by `npm install` (prepare).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'lesesaal: the program is not built yet; run "npm run build" in the project folder.\n',
  )
  process.exit(1)
}
await import(cli.href)
