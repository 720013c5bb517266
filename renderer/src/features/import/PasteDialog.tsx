import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Modal } from '../../components/Modal'
import { useImport } from './ImportContext'

/** Paste an article (with its clutter); the core cleans it like an imported file. */
export function PasteDialog() {
  const { t } = useTranslation()
  const { setPasteOpen, importText } = useImport()
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const close = () => setPasteOpen(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!text.trim()) {
      setError(t('import.pasteEmpty'))
      return
    }
    setBusy(true)
    try {
      await importText(text, title.trim() || undefined)
      close()
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal title={t('import.pasteTitle')} onClose={close}>
      <form onSubmit={submit} className="paste-form">
        <p className="muted">{t('import.pasteHint')}</p>
        <label className="field">
          <span>{t('import.pasteTitleLabel')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
        </label>
        <label className="field">
          <span>{t('import.pasteLabel')}</span>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setError(null)
            }}
            rows={14}
            lang="de"
            spellCheck={false}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={close}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('import.pasteSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
