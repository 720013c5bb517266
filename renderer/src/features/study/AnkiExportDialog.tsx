import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { Modal } from '../../components/Modal'

const KEY = 'lesesaal.ankiExport'

interface Names {
  deck: string
  basicType: string
  clozeType: string
}

function loadNames(): Names {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '') as Partial<Names>
    return {
      deck: v.deck || 'Lesesaal',
      basicType: v.basicType || 'Basic',
      clozeType: v.clozeType || 'Cloze',
    }
  } catch {
    return { deck: 'Lesesaal', basicType: 'Basic', clozeType: 'Cloze' }
  }
}

/** Exports saved words as Anki's text import file; the names are remembered. */
export function AnkiExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [names, setNames] = useState<Names>(loadNames)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)

  const download = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      localStorage.setItem(KEY, JSON.stringify(names))
      const r = await api.call('vocab.export', { format: 'anki', ...names })
      const url = URL.createObjectURL(new Blob([r.text], { type: 'text/plain;charset=utf-8' }))
      const a = document.createElement('a')
      a.href = url
      a.download = r.filename
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
      setMessage({ text: t('study.vocabulary.exported', { count: r.notes }) })
    } catch (err) {
      setMessage({ text: t('errors.generic', { message: (err as Error).message }), error: true })
    }
  }

  const field = (key: keyof Names, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={names[key]}
        onChange={(e) => setNames((n) => ({ ...n, [key]: e.target.value }))}
        required
      />
    </label>
  )

  return (
    <Modal title={t('study.vocabulary.exportTitle')} onClose={onClose} labelledBy="anki-title">
      <form onSubmit={download} className="term-form" data-testid="anki-export">
        <p className="muted">{t('study.vocabulary.exportHint')}</p>
        {field('deck', t('study.vocabulary.deck'))}
        <div className="field-row">
          {field('basicType', t('study.vocabulary.basicType'))}
          {field('clozeType', t('study.vocabulary.clozeType'))}
        </div>
        <p className="muted small">{t('study.vocabulary.typesHint')}</p>
        {message && (
          <p className={message.error ? 'error' : 'ok'} role="status">
            {message.text}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('actions.close')}
          </button>
          <button type="submit" className="button primary">
            {t('study.vocabulary.download')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
