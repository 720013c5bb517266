/** The notes tests' own article (written for Lesesaal), in two versions. */
import { join } from 'node:path'
import type { Core } from '../../electron/core'
import { call } from './core'
import { ROOT } from './fixtures'

export const NOTES_FIXTURES = join(ROOT, 'tests/fixtures/notes')

export async function importHafenstreik(core: Core): Promise<number> {
  const r = await call(core, 'import.paths', {
    paths: [join(NOTES_FIXTURES, 'hafenstreik-v1.md')],
  })
  return r.results[0]!.id!
}
