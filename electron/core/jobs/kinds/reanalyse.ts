/**
 * Bringing an index of another analysis up to date (after an update that reads words
 * differently) as a job, off the app's main thread: the articles are indexed again a piece at
 * a time, each piece its own short transaction, so every article stays searchable throughout
 * (those not yet done under the old analysis), other writers wait at most for one piece, and
 * a cancel or a crash keeps what was done: the next start goes on from there.
 */
import type { IndexStatus } from '../../search'
import { UserError } from '../../../../shared/result'
import { yieldWriteLock } from '../../db/yieldLock'
import { defineJob } from '../types'

/** Articles indexed again per transaction (a quarter of a second of work or less). */
const PIECE = 100

export const reanalyseJob = defineJob<Record<string, never>, IndexStatus>(
  'search.reanalyse',
  async (ctx) => {
    await ctx.search.ready()
    const count = ctx.db.prepare('SELECT count(*) FROM articles WHERE id > ?').pluck()
    let after = ctx.search.reanalysed()
    const total = count.get(0) as number
    for (;;) {
      if (ctx.cancelled()) throw new UserError('cancelled', 'The index update was cancelled.')
      let last = after
      ctx.db
        .transaction(() => {
          ctx.catchUp()
          last = ctx.search.reanalyseAfter(after, PIECE)
        })
        .immediate()
      ctx.committed()
      if (last === after) break
      after = last
      const done = total - (count.get(after) as number)
      ctx.emit('search.progress', { done, total })
      ctx.progress(done, total, null)
      // a cancel, and the core's requests and other writers of the same file, come in between
      await yieldWriteLock()
    }
    await ctx.search.tidy()
    ctx.committed()
    return ctx.search.status()
  },
)
