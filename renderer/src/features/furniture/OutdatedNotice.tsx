/**
 * When the extractor has improved since articles were imported, the library says how many an
 * older one made and offers to extract them again from their stored originals (a job: progress
 * and cancel while it runs, then what changed).
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { JobProgress } from '../jobs/JobProgress'

export function OutdatedNotice() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [count, setCount] = useState(0)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const refresh = useCallback(() => {
    api.call('library.outdated', {}).then(
      (r) => setCount(r.count),
      () => setCount(0),
    )
  }, [api])
  useEffect(refresh, [refresh])
  useApiEvent('library.changed', refresh)

  const run = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const r = await api.call('library.reextract', { outdated: true })
      setMessage(
        r.cancelled
          ? t('furniture.reextractCancelled', { done: r.items.length, changed: r.changed })
          : t('furniture.reextractReport', {
              changed: r.changed,
              unchanged: r.unchanged,
              failed: r.failed,
            }),
      )
    } catch (err) {
      setMessage(t('furniture.reextractFailed', { message: (err as Error).message }))
    } finally {
      setBusy(false)
      refresh()
    }
  }

  if (count === 0 && !busy && !message) return null
  return (
    <div className="sample-notice" role="note" data-testid="outdated-notice">
      <p>
        {message ??
          t('furniture.outdated', { count, n: count.toLocaleString(i18n.resolvedLanguage) })}
      </p>
      {busy ? (
        <JobProgress kind="library.reextract" />
      ) : (
        count > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => void run()}
            data-testid="reextract-outdated"
          >
            {t('furniture.outdatedRun')}
          </button>
        )
      )}
    </div>
  )
}
