/** Export of an article's (or a story's, or all) notes: Markdown, CSL-JSON, BibTeX, JSON. */
import { useTranslation } from 'react-i18next'
import { useMenu } from '../../components/useDismiss'
import type { ExportFormat } from '../../../../shared/contract/notes'
import { useApi } from '../../api/ApiContext'
import { download } from './download'

const LABELS = {
  md: 'notes.exportMd',
  csl: 'notes.exportCsl',
  bibtex: 'notes.exportBibtex',
  json: 'notes.exportJson',
} as const satisfies Record<ExportFormat, string>

export function ExportMenu({
  article = null,
  story = null,
  onDone,
}: {
  article?: number | null
  story?: number | null
  onDone?: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { open, setOpen, root, button } = useMenu()
  const run = async (format: ExportFormat) => {
    setOpen(false)
    try {
      const r = await api.call('notes.export', {
        article,
        story,
        format,
        lang: i18n.resolvedLanguage === 'en' ? 'en' : 'de',
      })
      download(r.content, r.fileName, r.mime)
      onDone?.(t('notes.exported', { file: r.fileName }))
    } catch (err) {
      onDone?.(t('errors.generic', { message: (err as Error).message }))
    }
  }
  return (
    <div className="menu export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('notes.export')} ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {(Object.keys(LABELS) as ExportFormat[]).map((f) => (
            <li key={f} role="none">
              <button type="button" role="menuitem" onClick={() => void run(f)}>
                {t(LABELS[f])}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
