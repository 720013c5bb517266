import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { JobProgress } from '../jobs/JobProgress'
import type { SelectionAction } from './selectionActions'
import type { Selection } from './useSelection'

/**
 * Shown while articles are selected: how many, the actions other features plug in
 * (`selectionActions.ts`), and a way to clear the selection.
 */
export function SelectionBar({
  selection,
  actions,
  tools,
  onOpen,
}: {
  selection: Selection
  actions: readonly SelectionAction[]
  /** Other rooms' controls for the selected ids, shown before the actions. */
  tools?: (ids: number[]) => ReactNode
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const count = selection.selected.size
  if (count === 0)
    return message ? (
      <div className="selection-bar selection-message" role="status">
        <span>{message}</span>
        <button
          type="button"
          className="icon-button"
          onClick={() => setMessage(null)}
          aria-label={t('actions.close')}
          title={t('actions.close')}
        >
          ×
        </button>
      </div>
    ) : null
  const run = async (action: SelectionAction) => {
    const ids = selection.inOrder()
    setBusy(action.id)
    setError(null)
    setMessage(null)
    try {
      const r = await action.run(ids, { api, t, open: onOpen, clear: selection.clear })
      if (r?.message) setMessage(r.message)
      if (!r || !r.keepSelection) selection.clear()
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="selection-bar" role="region" aria-label={t('library.selection.label')}>
      <span className="selection-count" aria-live="polite">
        {t('library.selection.count', { count })}
      </span>
      {tools?.(selection.inOrder())}
      {actions.map((action) => {
        const ids = selection.inOrder()
        return (
          <button
            key={action.id}
            type="button"
            className={action.danger ? 'button danger' : 'button'}
            disabled={busy !== null || (action.enabled ? !action.enabled(ids) : false)}
            onClick={() => void run(action)}
            data-action={action.id}
          >
            {action.label(t, count)}
          </button>
        )
      })}
      {busy && actions.find((a) => a.id === busy)?.job && (
        <JobProgress kind={actions.find((a) => a.id === busy)!.job!} />
      )}
      <button type="button" className="button ghost" onClick={selection.clear}>
        {t('library.selection.clear')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
