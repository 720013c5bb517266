/**
 * When the extractor has improved since articles were imported, the library says how many an
 * older one made and offers to extract them again from their stored originals (a job: progress
 * and cancel while it runs, then what changed).
 *
 * The run and its report outlive the notice: a re-extraction of thousands of articles takes a
 * minute or two, and the user reads elsewhere meanwhile; back in the library, the notice shows
 * the progress (not the button again) and then the report.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { JobProgress } from '../jobs/JobProgress'

interface RunState {
  busy: boolean
  message: string | null
}
const run = {
  state: { busy: false, message: null } as RunState,
  listeners: new Set<() => void>(),
  set(next: RunState) {
    run.state = next
    for (const l of run.listeners) l()
  },
  subscribe(listener: () => void) {
    run.listeners.add(listener)
    return () => void run.listeners.delete(listener)
  },
}

export function OutdatedNotice() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [count, setCount] = useState(0)
  const { busy, message } = useSyncExternalStore(run.subscribe, () => run.state)

  const refresh = useCallback(() => {
    api.call('library.outdated', {}).then(
      (r) => setCount(r.count),
      () => setCount(0),
    )
  }, [api])
  // (again when a run ends, also one started before this notice was shown)
  useEffect(() => {
    if (!busy) refresh()
  }, [busy, refresh])
  // a report shown is not shown again when the library is next opened
  useEffect(
    () => () => {
      if (!run.state.busy && run.state.message) run.set({ busy: false, message: null })
    },
    [],
  )
  useApiEvent('library.changed', refresh)

  const start = async () => {
    run.set({ busy: true, message: null })
    let message: string
    try {
      const r = await api.call('library.reextract', { outdated: true })
      message = r.cancelled
        ? t('furniture.reextractCancelled', { done: r.items.length, changed: r.changed })
        : t('furniture.reextractReport', {
            changed: r.changed,
            unchanged: r.unchanged,
            failed: r.failed,
          })
    } catch (err) {
      message = t('furniture.reextractFailed', { message: (err as Error).message })
    }
    run.set({ busy: false, message })
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
            onClick={() => void start()}
            data-testid="reextract-outdated"
          >
            {t('furniture.outdatedRun')}
          </button>
        )
      )}
    </div>
  )
}
