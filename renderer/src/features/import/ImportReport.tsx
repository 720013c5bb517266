import { useTranslation } from 'react-i18next'
import { errorText } from '../../components/errorText'
import { useImport } from './ImportContext'

/** What the last import did, file by file: imported, already there, or why it failed. */
export function ImportReport({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const { report, dismissReport, importAnyway } = useImport()
  if (!report) return null
  const imported = report.results.filter((r) => r.id !== null)
  const duplicates = report.results.filter((r) => r.duplicateOf !== null)
  const failed = report.results.filter((r) => r.error)
  const near = report.results.filter((r) => r.nearDuplicateOf)
  return (
    <section className="import-report" aria-live="polite" aria-label={t('import.reportTitle')}>
      <header>
        <h2>{t('import.reportTitle')}</h2>
        <p className="summary">
          {t('import.summary', {
            imported: imported.length,
            duplicates: duplicates.length,
            failed: failed.length,
          })}
          {near.length > 0 && <> · {t('import.nearCount', { count: near.length })}</>}
          {report.skipped > 0 && <> · {t('import.skipped', { count: report.skipped })}</>}
        </p>
        {report.cancelled && (
          <p className="cancelled-note">
            {t('jobs.cancelled', {
              done: report.results.filter((r) => r.error?.code !== 'cancelled').length,
              total: report.results.length,
            })}
          </p>
        )}
        <button
          type="button"
          className="icon-button"
          onClick={dismissReport}
          aria-label={t('actions.close')}
          title={t('actions.close')}
        >
          ×
        </button>
      </header>
      <ul>
        {report.results.map((r, i) => (
          <li
            key={`${r.source}-${i}`}
            className={
              r.error
                ? 'failed'
                : r.duplicateOf !== null
                  ? 'duplicate'
                  : r.nearDuplicateOf
                    ? 'near-duplicate'
                    : 'imported'
            }
          >
            <span className="mark" aria-hidden="true">
              {r.error ? '✗' : r.duplicateOf !== null ? '=' : r.nearDuplicateOf ? '≈' : '✓'}
            </span>
            <span className="source">{r.error ? r.source : (r.title ?? r.source)}</span>
            {r.updated && !r.updated.unchanged && (
              <span className="badge">{t('notes.newVersion', { version: r.updated.version })}</span>
            )}
            {r.nearDuplicateOf ? (
              <>
                <span className="why">
                  {t('import.nearDuplicateShort', {
                    id: r.nearDuplicateOf.id,
                    percent: Math.round(r.nearDuplicateOf.similarity * 100),
                  })}
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen(r.nearDuplicateOf!.id)}
                  title={r.nearDuplicateOf.title}
                >
                  {t('import.openThatOne')}
                </button>
                <button type="button" className="link" onClick={() => void importAnyway(i)}>
                  {t('import.importAnyway')}
                </button>
              </>
            ) : r.error ? (
              <span className="why" title={r.error.message}>
                {errorText(t, r.error)}
              </span>
            ) : (
              <>
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen((r.id ?? r.duplicateOf)!)}
                >
                  {r.duplicateOf !== null ? t('import.duplicateOf') : t('import.open')}
                </button>
                {r.warning && (
                  <span className="warning" title={r.warning.message}>
                    ⚠ {t('warnings.invalid_bytes')}
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
