/** Importing files (by path, or uploaded) as a job: off the main thread, with cancel. */
import type { ImportReport } from '../../../../shared/types'
import { furnitureImportHooks, reextractIds } from '../../furniture/handlers'
import { bufferSource, importSources, sourcesFromPaths } from '../../import/importer'
import { defineJob } from '../types'

export type ImportJobInput = ({ paths: string[] } | { files: { name: string; data: string }[] }) & {
  /** Texts nearly the same as an article of the library: left out and reported, or imported. */
  nearDuplicates?: 'skip' | 'import'
}

export const importJob = defineJob<ImportJobInput, ImportReport>('import', async (ctx, input) => {
  const { sources, skipped } =
    'paths' in input
      ? await sourcesFromPaths(input.paths)
      : {
          sources: input.files.map((f) => bufferSource(f.name, Buffer.from(f.data, 'base64'))),
          skipped: 0,
        }
  await ctx.search.ready()
  const results = await importSources(ctx.db, sources, ctx.emit, {
    index: () => {
      ctx.catchUp()
      ctx.search.drain()
    },
    signal: ctx.signal,
    onProgress: (done, total, source) => ctx.progress(done, total, source),
    onCommitted: ctx.committed,
    onRollback: () => ctx.search.reload(),
    near: { search: ctx.search, mode: input.nearDuplicates ?? 'skip' },
    // learned page furniture applied, and the outlets' templates learnt from this batch
    hooks: furnitureImportHooks(ctx.db, async (ids) => {
      await reextractIds(ctx.db, ids)
      ctx.catchUp()
      ctx.search.drain()
      ctx.committed()
    }),
  })
  await ctx.search.tidy()
  ctx.committed()
  return ctx.cancelled() ? { results, skipped, cancelled: true } : { results, skipped }
})
