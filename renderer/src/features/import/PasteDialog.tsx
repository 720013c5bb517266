import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NearDuplicate } from '../../../../shared/types'
import { errorText } from '../../components/errorText'
import { Modal } from '../../components/Modal'
import { useImport } from './ImportContext'

/**
 * Paste an article (with its clutter); the core cleans it like an imported file. What was
 * pasted is never lost: a paste that fails stays in the dialog with the reason, and closing
 * the dialog keeps it for the next time until it is imported. A text nearly the same as an
 * article of the library is shown as such, to open that one or import this anyway.
 */
export function PasteDialog({ onOpen }: { onOpen?: (id: number) => void }) {
  const { t } = useTranslation()
  const { setPasteOpen, importText, pasteDraft, keepPasteDraft } = useImport()
  const [text, setText] = useState(pasteDraft.text)
  const [title, setTitle] = useState(pasteDraft.title)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [near, setNear] = useState<NearDuplicate | null>(null)
  const close = () => setPasteOpen(false)
  // closing keeps what is in the dialog for the next time (an import empties it)
  const dismiss = () => {
    keepPasteDraft({ text, title })
    close()
  }
  const send = async (anyway: boolean) => {
    if (!text.trim()) {
      setError(t('import.pasteEmpty'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const r = await importText(text, title.trim() || undefined, anyway)
      if (r.error) setError(t('import.pasteFailed', { reason: errorText(t, r.error) }))
      else if (r.nearDuplicateOf) setNear(r.nearDuplicateOf)
      else close()
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    } finally {
      setBusy(false)
    }
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    void send(false)
  }
  return (
    <Modal title={t('import.pasteTitle')} onClose={dismiss}>
      <form onSubmit={submit} className="paste-form">
        <p className="muted">{t('import.pasteHint')}</p>
        <label className="field">
          <span>{t('import.pasteTitleLabel')}</span>
          <input
            value={title}
            onChange={(e) => {
              setTitle(e.target.value)
            }}
            maxLength={500}
          />
        </label>
        <label className="field">
          <span>{t('import.pasteLabel')}</span>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setError(null)
              setNear(null)
            }}
            rows={14}
            lang="de"
            spellCheck={false}
            data-testid="paste-text"
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {near && (
          <div className="near-duplicate" role="alert">
            <p>
              {t('import.nearDuplicate', {
                title: near.title,
                percent: Math.round(near.similarity * 100),
              })}
            </p>
            <div className="near-actions">
              {onOpen && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    dismiss()
                    onOpen(near.id)
                  }}
                >
                  {t('import.openThatOne')}
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void send(true)}
              >
                {t('import.importAnyway')}
              </button>
            </div>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={dismiss}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || near !== null}>
            {t('import.pasteSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
