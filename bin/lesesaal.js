#!/usr/bin/env node
// The `lesesaal` command. The TypeScript sources are built to out/ by `npm install` (prepare).
// Written to run on any Node.js, so that an older one gets a sentence rather than a trace.
import { existsSync } from 'node:fs'
import * as nodeModule from 'node:module'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `lesesaal: Lesesaal needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.\n`,
  )
  process.exit(1)
}

// the compiled program is kept between runs (in the system's temporary folder): a command
// starts faster from its second run on; nothing changes when the cache cannot be written
nodeModule.enableCompileCache?.()

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'lesesaal: the program is not built yet; run "npm run build" in the project folder.\n',
  )
  process.exit(1)
}
await import(cli.href)
