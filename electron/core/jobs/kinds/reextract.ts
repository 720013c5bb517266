/**
 * Re-extracting articles from their stored originals as a job (off the main thread in the
 * app, with progress and cancel). Each article is written on its own, through the article
 * versions, so a cancel keeps what was done; the search index follows at the end.
 */
import type { ReextractReport } from '../../../../shared/types'
import { reextractIds } from '../../furniture/handlers'
import { articleIds } from '../../library/reextract'
import { defineJob } from '../types'

export interface ReextractJobInput {
  /** None: every article (or, with `outdated`, those extracted by an older extractor). */
  ids: number[]
  outdated: boolean
}

export const reextractJob = defineJob<ReextractJobInput, ReextractReport>(
  'library.reextract',
  async (ctx, input) => {
    const { EXTRACTOR_VERSION } = await import('../../import/pipeline')
    const list = input.ids.length
      ? input.ids
      : articleIds(ctx.db, { outdated: input.outdated, version: EXTRACTOR_VERSION })
    ctx.progress(0, list.length, null)
    const report = await reextractIds(
      ctx.db,
      list,
      (done, total) => {
        ctx.emit('reextract.progress', { done, total })
        ctx.progress(done, total, null)
      },
      ctx.signal,
    )
    await ctx.search.ready()
    ctx.db
      .transaction(() => {
        ctx.catchUp()
        ctx.search.drain()
      })
      .immediate()
    ctx.committed()
    return report
  },
)
