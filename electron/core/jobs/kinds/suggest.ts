/**
 * Story suggestions as a job: the signatures of articles not signed yet, then the groups of
 * articles that report the same event, off the main thread in the app.
 */
import type { StorySuggestion } from '../../../../shared/contract/stories'
import { drainSignatures, loadSignatures } from '../../stories/signatures'
import { suggestStories } from '../../stories/suggest'
import { defineJob } from '../types'

export const suggestJob = defineJob<Record<string, never>, StorySuggestion[]>(
  'story.suggest',
  async (ctx) => {
    if (drainSignatures(ctx.db) > 0) ctx.committed()
    return suggestStories(ctx.db, loadSignatures(ctx.db), {
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress(done, total, null),
      // nothing else waits in the worker
      yieldTo: () => Promise.resolve(),
    })
  },
)
