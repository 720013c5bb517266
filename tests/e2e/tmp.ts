import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** A temporary folder for a whole test file, removed afterwards. */
export function tempDirForSuite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lesesaal-e2e-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
