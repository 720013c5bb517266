/** The article's versions, what changed in the newest one, and importing a newer version. */
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleChanges, ArticleVersion } from '../../../../shared/contract/versions'
import { useApi } from '../../api/ApiContext'
import { fileToBase64 } from '../import/readFiles'

export function VersionsSection({
  article,
  versions,
  changes,
  markChanges,
  onMarkChanges,
  onJump,
  onUpdated,
}: {
  article: number
  versions: ArticleVersion[]
  changes: ArticleChanges | null
  markChanges: boolean
  onMarkChanges: (on: boolean) => void
  /** Scrolls the text to an offset. */
  onJump: (offset: number) => void
  onUpdated: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const fileInput = useRef<HTMLInputElement>(null)
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const lang = i18n.resolvedLanguage ?? 'de'
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'de-DE')

  const update = async (input: { file?: { name: string; data: string }; path?: string }) => {
    setBusy(true)
    try {
      const r = await api.call('article.update', { id: article, ...input })
      onUpdated(
        r.unchanged
          ? t('notes.unchanged', { version: r.version })
          : t('notes.updated', { version: r.version, ...r.changed, ...r.highlights }),
      )
    } catch (err) {
      onUpdated(t('errors.generic', { message: (err as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="notes-section versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('notes.versions')}</h3>
      <ol className="version-list">
        {versions.map((v) => (
          <li key={v.version} className={v.current ? 'current' : undefined}>
            <strong>
              {v.current
                ? t('notes.currentVersion', { version: v.version })
                : t('notes.version', { version: v.version })}
            </strong>{' '}
            <span className="muted">{t('notes.versionSince', { date: date(v.importedAt) })}</span>
            {v.changed && (
              <span className="muted"> · {t('notes.changeCounts', { ...v.changed })}</span>
            )}
          </li>
        ))}
      </ol>
      {changes && changes.from !== changes.to && (
        <div className="changes" data-testid="changes">
          <div className="changes-head">
            <h4>{t('notes.changes', { from: changes.from })}</h4>
            <label className="toggle">
              <input
                type="checkbox"
                checked={markChanges}
                onChange={(e) => onMarkChanges(e.target.checked)}
              />
              {t('notes.markChanges')}
            </label>
          </div>
          {changes.changes.length === 0 && <p className="muted">{t('notes.noChanges')}</p>}
          <ul className="change-list">
            {changes.changes.map((c, i) => (
              <li key={i} className={`change change-${c.kind}`} lang="de">
                <button type="button" className="link" onClick={() => onJump(c.start)}>
                  {c.kind === 'added'
                    ? t('notes.added')
                    : c.kind === 'removed'
                      ? t('notes.removed')
                      : c.kind === 'changed'
                        ? t('notes.changed')
                        : t('notes.movedSentence')}
                </button>{' '}
                <span className="change-text">{c.text}</span>
                {c.before && (
                  <span className="change-before muted">
                    {' '}
                    {t('notes.before', { text: c.before })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="update-form">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          {t('notes.updateArticle')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".txt,.text,.html,.htm,.xhtml,.md,.markdown"
          data-testid="update-file"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) await update({ file: { name: file.name, data: await fileToBase64(file) } })
          }}
        />
        <form
          className="update-url"
          onSubmit={(e) => {
            e.preventDefault()
            if (url.trim()) void update({ path: url.trim() })
          }}
        >
          <input
            type="url"
            value={url}
            placeholder="https://…"
            aria-label={t('notes.updateFromUrl')}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || !url.trim()}>
            {t('notes.updateButton')}
          </button>
        </form>
      </div>
    </section>
  )
}
