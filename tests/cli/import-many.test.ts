/**
 * A large folder through the `lesesaal` command: the built program reads and extracts the
 * files in a second thread (out/main/extract-worker.js) and imports every one of them.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/extract-worker.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

it('imports a folder of 240 texts with the extraction thread, and finds them', () => {
  const root = tempDir()
  const dir = join(root, 'texte')
  mkdirSync(dir)
  for (let n = 0; n < 240; n++)
    writeFileSync(
      join(dir, `${String(n).padStart(3, '0')}.txt`),
      `Hafenbericht Nummer ${n}\n\nIm Hafen von Emden wurden in der Woche ${n} insgesamt ${n * 17} Container umgeschlagen. Die Hafenbehörde meldet für die Kalenderwoche ${n} einen Zuwachs.\n`,
    )
  const library = join(root, 'bibliothek.sqlite')
  // with LESESAAL_DEBUG the log goes to stderr: a thread that failed would say so there
  const env = { ...process.env, LESESAAL_LIBRARY: '', LESESAAL_DEBUG: '1' }
  const run = (args: string[]) =>
    spawnSync(process.execPath, [BIN, '--library', library, ...args], { encoding: 'utf8', env })
  const imported = run(['import', dir, '--json'])
  expect(imported.status).toBe(0)
  expect(imported.stderr).not.toMatch(/extraction thread/)
  const results = JSON.parse(imported.stdout) as { id: number | null; error: unknown }[]
  expect(results).toHaveLength(240)
  expect(results.filter((r) => r.id !== null && r.error === null)).toHaveLength(240)
  const found = run(['search', 'Hafenbehörde Kalenderwoche', '--json'])
  expect(found.status).toBe(0)
  expect(JSON.parse(found.stdout).total).toBe(240)
}, 60_000)

it('ends at once when a large import cannot begin, although its thread was started', () => {
  const root = tempDir()
  const dir = join(root, 'texte')
  mkdirSync(dir)
  for (let n = 0; n < 210; n++) writeFileSync(join(dir, `${n}.txt`), `Meldung ${n}\n\nText ${n}.\n`)
  // the library cannot be opened: the command says so and ends, the thread left unused
  const library = join(root, 'einkauf.sqlite')
  writeFileSync(library, 'Keine Bibliothek, ein Einkaufszettel: Milch, Brot, Äpfel.\n')
  const started = performance.now()
  const failed = spawnSync(process.execPath, [BIN, '--library', library, 'import', dir], {
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '' },
    timeout: 20_000,
  })
  expect(failed.signal).toBeNull()
  expect(failed.status).toBe(1)
  expect(failed.stderr).toMatch(/^lesesaal: The file .* is not a Lesesaal library/)
  expect(failed.stderr.trim().split('\n')).toHaveLength(1)
  expect(performance.now() - started).toBeLessThan(10_000)
}, 30_000)
