/** The import methods of the handler table: paths (CLI, desktop), uploads, pasted text. */
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { importPasted, type ImportHooks } from './importer'

export function importHandlers(
  ctx: CoreContext,
  /** Pasted text takes part in what the library learned (page furniture), as files do. */
  hooks: ImportHooks = {},
): HandlersOf<'import.paths' | 'import.files' | 'import.text'> {
  const { db, emit, options, reindex, jobs, search } = ctx
  return {
    'import.paths': async ({ paths, nearDuplicates }) => {
      if (!options.canImportPaths)
        throw new UserError(
          'unsupported',
          'Importing by path is not available here; upload the files instead.',
        )
      // reading, extracting and indexing run as a job (a worker thread in the app)
      return jobs.run('import', { paths, nearDuplicates })
    },
    'import.files': async ({ files, nearDuplicates }) =>
      jobs.run('import', { files, nearDuplicates }),
    'import.text': async ({ text, title, nearDuplicates }) => {
      const result = await importPasted(db, text, title, emit, hooks, {
        search,
        mode: nearDuplicates,
      })
      await reindex()
      return result
    },
  }
}
