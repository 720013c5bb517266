import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail, ReextractReport } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { Modal } from '../../components/Modal'
import './furniture.css'

type Scope = 'outlet' | 'everywhere'

/**
 * "Not part of the article": the user marks a line as page furniture, for this outlet or
 * everywhere; Lesesaal takes it out of every article that has it and remembers it for later
 * imports. The article can also be extracted again from its original.
 */
export function FurnitureDialog({
  article,
  onClose,
  onChanged,
}: {
  article: ArticleDetail
  onClose: () => void
  /** The article's text changed: the reader loads it again. */
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ text: string; rule: number | null } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const lines = [...(article.kicker ? [article.kicker] : []), article.title, ...article.paragraphs]

  const act = async (work: () => Promise<{ text: string; rule: number | null }>) => {
    setBusy(true)
    setError(null)
    try {
      setNotice(await work())
      onChanged()
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    } finally {
      setBusy(false)
    }
  }
  const summary = (r: ReextractReport) => t('furniture.changed', { count: r.changed })
  const mark = (text: string, scope: Scope) =>
    act(async () => {
      const r = await api.call('furniture.mark', { id: article.id, text, scope })
      return { text: summary(r.report), rule: r.rule.id }
    })
  const undo = (rule: number) =>
    act(async () => {
      const r = await api.call('furniture.remove', { id: rule })
      return { text: t('furniture.undone', { count: r.report.changed }), rule: null }
    })
  const reextract = () =>
    act(async () => {
      const r = await api.call('library.reextract', { ids: [article.id] })
      const item = r.items[0]
      const text =
        item?.status === 'changed'
          ? t('furniture.reextracted', { added: item.added, removed: item.removed })
          : item?.status === 'failed'
            ? t('furniture.reextractFailed', { message: item.error?.message ?? '' })
            : t('furniture.reextractUnchanged')
      return { text, rule: null }
    })

  return (
    <Modal title={t('furniture.title')} onClose={onClose} labelledBy="furniture-title">
      <p className="muted">{t('furniture.hint')}</p>
      <ol className="furniture-lines" lang="de">
        {lines.map((line, i) => (
          <li key={`${i}:${line}`} className="furniture-line">
            <span className="furniture-text" title={line}>
              {line.length > 180 ? `${line.slice(0, 180)} …` : line}
            </span>
            <span className="furniture-actions">
              {article.outlet && (
                <button
                  type="button"
                  className="button small"
                  disabled={busy}
                  onClick={() => void mark(line, 'outlet')}
                  title={t('furniture.forOutletTitle', { outlet: article.outlet })}
                >
                  {t('furniture.forOutlet', { outlet: article.outlet })}
                </button>
              )}
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void mark(line, 'everywhere')}
                title={t('furniture.everywhereTitle')}
              >
                {t('furniture.everywhere')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {notice && (
        <p className="furniture-notice" role="status">
          {notice.text}{' '}
          {notice.rule !== null && (
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => void undo(notice.rule!)}
            >
              {t('furniture.undo')}
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void reextract()}>
          {t('furniture.reextract')}
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Modal>
  )
}
