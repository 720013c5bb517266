/**
 * Story suggestions as a job: the signatures of articles not signed yet, then the groups of
 * articles that report the same event, off the main thread in the app. Background work: any
 * other job queued meanwhile cancels it (see the runner), between pieces of signatures or
 * inside the grouping.
 */
import { UserError } from '../../../../shared/result'
import type { StorySuggestion } from '../../../../shared/contract/stories'
import { drainSignatures, loadSignatures } from '../../stories/signatures'
import { suggestStories } from '../../stories/suggest'
import { defineJob } from '../types'

/** Articles signed between two looks at a cancel. */
const SIGN_AT_A_TIME = 500

export const suggestJob = defineJob<Record<string, never>, StorySuggestion[]>(
  'story.suggest',
  async (ctx) => {
    let signed = 0
    for (let n = -1; n !== 0; signed += n) {
      if (ctx.cancelled()) {
        if (signed > 0) ctx.committed()
        throw new UserError('cancelled', 'Suggesting stories was cancelled.')
      }
      n = drainSignatures(ctx.db, SIGN_AT_A_TIME)
    }
    if (signed > 0) ctx.committed()
    try {
      const found = await suggestStories(ctx.db, loadSignatures(ctx.db), {
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done, total, null),
        // the default yield (a macrotask) lets a cancel message through
      })
      // a batch too small to yield still gives way when an import came meanwhile: it is made
      // again after the import, with its articles
      if (ctx.cancelled()) throw new UserError('cancelled', 'Suggesting stories was cancelled.')
      return found
    } catch (err) {
      if (ctx.cancelled()) throw new UserError('cancelled', 'Suggesting stories was cancelled.')
      throw err
    }
  },
)
