/** The running job of a kind (an import, a dictionary import), from the core's job events. */
import { useCallback, useState } from 'react'
import type { JobInfo } from '../../../../shared/contract/jobs'
import { useApiEvent } from '../../api/ApiContext'

export function useRunningJob(kind: string): JobInfo | null {
  const [job, setJob] = useState<JobInfo | null>(null)
  useApiEvent(
    'job.progress',
    useCallback((p: JobInfo) => p.kind === kind && setJob(p), [kind]),
  )
  useApiEvent(
    'job.finished',
    useCallback(
      (p: { id: number }) => setJob((current) => (current?.id === p.id ? null : current)),
      [],
    ),
  )
  return job
}
