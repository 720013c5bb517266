/**
 * Re-extracting articles from their stored originals as a job (off the main thread in the
 * app, with progress and cancel). Each article is written on its own, through the article
 * versions, and indexed with it a slice at a time, so a cancel keeps what was done.
 */
import type { ReextractReport } from '../../../../shared/types'
import { reextractIds } from '../../furniture/handlers'
import { articleIds } from '../../library/reextract'
import { clearPrimed, primeArticle } from '../../search/primed'
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
    await ctx.search.ready()
    // each slice of articles is indexed in its own transaction, here in the worker
    const report = await reextractIds(
      ctx.db,
      list,
      (done, total) => {
        ctx.emit('reextract.progress', { done, total })
        ctx.progress(done, total, null)
      },
      ctx.signal,
      {
        index: () => {
          ctx.catchUp()
          ctx.search.drain()
        },
        // the index analyses are done before the slice takes the write lock
        prime: (x) => primeArticle(x.article),
        onCommitted: () => {
          clearPrimed() // what an unchanged article did not need
          ctx.committed()
        },
        cancelled: ctx.cancelled,
      },
    )
    // anything another connection left in the journal meanwhile
    ctx.db
      .transaction(() => {
        ctx.catchUp()
        ctx.search.drain()
      })
      .immediate()
    ctx.committed()
    // the re-indexed articles' old entries, purged a piece at a time
    await ctx.search.tidy()
    ctx.committed()
    return report
  },
)
