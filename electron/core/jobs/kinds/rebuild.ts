/**
 * Rebuilding the search index as a job. The whole rebuild is one transaction: until it
 * commits, every other connection keeps searching the old index, and a cancel (or a crash)
 * leaves the old index as it was.
 */
import type { IndexStatus } from '../../search'
import { UserError } from '../../../../shared/result'
import { defineJob } from '../types'

export const rebuildJob = defineJob<Record<string, never>, IndexStatus>(
  'search.rebuild',
  async (ctx) => {
    await ctx.search.ready()
    try {
      ctx.db
        .transaction(() => {
          ctx.catchUp()
          ctx.search.reset()
          ctx.search.drain({
            onProgress: (done, total) => {
              if (ctx.cancelled()) throw new UserError('cancelled', 'The rebuild was cancelled.')
              ctx.emit('search.progress', { done, total })
              ctx.progress(done, total, null)
            },
          })
        })
        .immediate()
    } catch (err) {
      ctx.search.reload()
      throw err
    }
    ctx.committed()
    return ctx.search.status()
  },
)
