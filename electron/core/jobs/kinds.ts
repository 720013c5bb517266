/**
 * Every kind of job, by name. Adding a kind is one file in `kinds/` (a `defineJob(name, run)`)
 * and one line here; a handler then calls `ctx.jobs.run('name', input)`.
 */
import { dictionaryJob } from './kinds/dictionary'
import { importJob } from './kinds/import'
import { reanalyseJob } from './kinds/reanalyse'
import { rebuildJob } from './kinds/rebuild'
import { reextractJob } from './kinds/reextract'
import { suggestJob } from './kinds/suggest'

export const jobKinds = {
  import: importJob,
  'dict.import': dictionaryJob,
  'search.rebuild': rebuildJob,
  'search.reanalyse': reanalyseJob,
  'library.reextract': reextractJob,
  'story.suggest': suggestJob,
} as const

export type JobKinds = typeof jobKinds
export type JobName = keyof JobKinds
export type JobInput<K extends JobName> = Parameters<JobKinds[K]['run']>[1]
export type JobResult<K extends JobName> = Awaited<ReturnType<JobKinds[K]['run']>>
