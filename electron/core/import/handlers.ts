/** The import methods of the handler table: paths (CLI, desktop), uploads, pasted text. */
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { bufferSource, importPasted, importSources, sourcesFromPaths } from './importer'

export function importHandlers(
  ctx: CoreContext,
): HandlersOf<'import.paths' | 'import.files' | 'import.text'> {
  const { db, emit, options, reindex, search } = ctx
  return {
    'import.paths': async ({ paths, nearDuplicates }) => {
      if (!options.canImportPaths)
        throw new UserError(
          'unsupported',
          'Importing by path is not available here; upload the files instead.',
        )
      const { sources, skipped } = await sourcesFromPaths(paths)
      const near = { search, mode: nearDuplicates }
      return { results: await importSources(db, sources, emit, reindex, near), skipped }
    },
    'import.files': async ({ files, nearDuplicates }) => {
      const sources = files.map((f) => bufferSource(f.name, Buffer.from(f.data, 'base64')))
      const near = { search, mode: nearDuplicates }
      return { results: await importSources(db, sources, emit, reindex, near), skipped: 0 }
    },
    'import.text': async ({ text, title, nearDuplicates }) => {
      const result = await importPasted(db, text, title, emit, { search, mode: nearDuplicates })
      await reindex()
      return result
    },
  }
}
