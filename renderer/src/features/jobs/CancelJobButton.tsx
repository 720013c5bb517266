import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { useRunningJob } from './useRunningJob'

/**
 * Cancels the running job of a kind; shown next to its progress. `onCancel` runs first (an
 * import made of several uploads stops sending the rest).
 */
export function CancelJobButton({ kind, onCancel }: { kind: string; onCancel?: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const job = useRunningJob(kind)
  const [cancelling, setCancelling] = useState<number | null>(null)
  const busy = job !== null && cancelling === job.id
  return (
    <button
      type="button"
      className="button small cancel-job"
      disabled={busy}
      onClick={() => {
        onCancel?.()
        if (!job) return
        setCancelling(job.id)
        void api.call('job.cancel', { id: job.id }).catch(() => undefined)
      }}
    >
      {busy ? t('jobs.cancelling') : t('jobs.cancel')}
    </button>
  )
}
