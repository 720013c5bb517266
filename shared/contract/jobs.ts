/** Heavy work that runs off the main thread: what is running, and cancelling it. */
import { z } from 'zod'
import { rowId } from './common'

/** The kinds of heavy work (each registered in `electron/core/jobs/kinds.ts`). */
export type JobKind = string

export interface JobInfo {
  id: number
  kind: JobKind
  state: 'queued' | 'running'
  done: number
  total: number
  /** What it is working on now (a file name), or null. */
  label: string | null
}

export const jobSchemas = {
  'job.list': z.strictObject({}),
  'job.cancel': z.strictObject({ id: rowId }),
} as const

export interface JobResults {
  'job.list': JobInfo[]
  /** False when the job had already finished. */
  'job.cancel': { cancelled: boolean }
}

export interface JobEvents {
  /** A job started or made progress. */
  'job.progress': JobInfo
  /** A job ended: done, cancelled (what it finished is kept) or failed. */
  'job.finished': { id: number; kind: JobKind; outcome: 'done' | 'cancelled' | 'failed' }
}
