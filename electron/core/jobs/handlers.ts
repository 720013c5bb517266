/** The job methods of the handler table: what runs in the background, and cancelling it. */
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'

export function jobHandlers(ctx: CoreContext): HandlersOf<'job.list' | 'job.cancel'> {
  return {
    'job.list': () => ctx.jobs.list(),
    'job.cancel': ({ id }) => ({ cancelled: ctx.jobs.cancel(id) }),
  }
}
