import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { describeError } from '../stories/describeError'

const LANGUAGES = ['en', 'fr', 'es', 'it', 'pl'] as const

/** Attaching a translation: pasted or read from a text file; its language chosen or detected. */
export function AddTranslation({
  articleId,
  onAdded,
}: {
  articleId: number
  onAdded: (translationId: number) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [text, setText] = useState('')
  const [name, setName] = useState<string | null>(null)
  const [lang, setLang] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      const r = await api.call('translation.add', {
        id: articleId,
        text,
        lang: lang || null,
        name,
      })
      onAdded(r.id)
    } catch (err) {
      setError(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="add-translation"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h2>{t('translation.add')}</h2>
      <p className="muted">{t('translation.addHint')}</p>
      <textarea
        value={text}
        rows={12}
        aria-label={t('translation.text')}
        placeholder={t('translation.text')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="add-translation-row">
        <label className="button ghost file-button">
          {t('translation.file')}
          <input
            type="file"
            accept=".txt,.md,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (!file) return
              setName(file.name)
              setText(await file.text())
            }}
          />
        </label>
        <label className="control">
          <span>{t('translation.lang')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="">{t('translation.detect')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`translation.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary" disabled={busy || !text.trim()}>
          {t('translation.save')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
