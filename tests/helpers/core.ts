import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { ApiResults, MethodName } from '../../shared/contract'
import { createCore, type Core, type CoreOptions } from '../../electron/core'
import { ROOT } from './fixtures'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

/** A fresh core per test: in memory unless a path is given; closed after the test. */
export function testCore(options: Partial<CoreOptions> = {}): Core {
  const core = createCore({
    libraryPath: ':memory:',
    resourcesPath: join(ROOT, 'resources'),
    canImportPaths: true,
    ...options,
  })
  cleanups.push(() => core.close())
  return core
}

/** A temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lesesaal-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Calls a method and fails the test unless it succeeded. */
export async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: unknown,
): Promise<ApiResults[M]> {
  const r = await core.invoke(method, input)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`)
  return r.value as ApiResults[M]
}
