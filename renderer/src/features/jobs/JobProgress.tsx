import { useTranslation } from 'react-i18next'
import { CancelJobButton } from './CancelJobButton'
import { useRunningJob } from './useRunningJob'

/** How far the running job of a kind is ("120 von 2.000"), with a cancel button. */
export function JobProgress({ kind }: { kind: string }) {
  const { t, i18n } = useTranslation()
  const job = useRunningJob(kind)
  const n = (x: number) => x.toLocaleString(i18n.resolvedLanguage)
  return (
    <span className="job-progress" role="status" data-testid="job-progress">
      {job && job.total > 0 && (
        <>
          <progress max={job.total} value={job.done} />{' '}
          {t('jobs.progress', { done: n(job.done), total: n(job.total) })}
        </>
      )}
      <CancelJobButton kind={kind} />
    </span>
  )
}
