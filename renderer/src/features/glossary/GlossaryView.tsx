import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GENDER_ARTICLE, type DictionaryStatus, type LexiconEntry } from '../../../../shared/types'
import { CancelJobButton } from '../jobs/CancelJobButton'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { ApiCallError } from '../../api/client'
import { fileToBase64 } from '../import/readFiles'
import { forgetLookups } from './lookupCache'
import { TermEditor, type TermDraft } from './TermEditor'

const SOURCES = ['glossary', 'user', 'builtin', 'dict', 'all'] as const
type SourceFilter = (typeof SOURCES)[number]
const PAGE = 100

/**
 * Every term Lesesaal explains: filter, add, edit and delete own terms, export as CSV, and
 * import dictionaries (a file, or the system's copy when there is one).
 */
export function GlossaryView() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [filter, setFilter] = useState('')
  const [source, setSource] = useState<SourceFilter>('glossary')
  const [entries, setEntries] = useState<LexiconEntry[]>([])
  const [total, setTotal] = useState<number | null>(null)
  const [status, setStatus] = useState<DictionaryStatus | null>(null)
  const [draft, setDraft] = useState<TermDraft | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  const [version, setVersion] = useState(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const importing = useRef(false)

  useEffect(() => {
    let live = true
    const timer = setTimeout(
      () =>
        api.call('lexicon.entries', { filter, source, offset: 0, limit: PAGE }).then(
          (r) => {
            if (!live) return
            setEntries(r.entries)
            setTotal(r.total)
          },
          (err: Error) => live && setMessage({ text: err.message, error: true }),
        ),
      filter ? 150 : 0,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, filter, source, version])

  useEffect(() => {
    let live = true
    api.call('dict.status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, version])

  useApiEvent(
    'dict.progress',
    // progress events can arrive after the answer: only while an import runs
    useCallback((p: { done: number; total: number }) => importing.current && setProgress(p), []),
  )

  const more = async () => {
    const r = await api.call('lexicon.entries', {
      filter,
      source,
      offset: entries.length,
      limit: PAGE,
    })
    setEntries((e) => [...e, ...r.entries])
    setTotal(r.total)
  }

  const changed = () => {
    forgetLookups()
    setVersion((v) => v + 1)
  }

  const remove = async (entry: LexiconEntry) => {
    if (!window.confirm(t('glossary.confirmDelete', { lemma: entry.lemma }))) return
    await api.call('lexicon.delete', { id: entry.id })
    changed()
  }

  const exportCsv = async () => {
    const { csv, filename } = await api.call('lexicon.export', {
      source,
      language: i18n.resolvedLanguage === 'en' ? 'en' : 'de',
    })
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const runImport = async (
    work: () => Promise<{ name: string; entries: number; forms: number; malformed: number }>,
  ) => {
    setMessage(null)
    setProgress({ done: 0, total: 1 })
    importing.current = true
    try {
      const r = await work()
      setMessage({ text: t('glossary.imported', r) })
      changed()
    } catch (err) {
      const code = err instanceof ApiCallError ? err.code : ''
      setMessage({
        text:
          code === 'invalid_input' || code === 'binary_file' || code === 'empty_file'
            ? t('glossary.notADictionary')
            : code === 'too_large'
              ? t('errors.too_large')
              : t('errors.generic', { message: (err as Error).message }),
        error: true,
      })
    } finally {
      importing.current = false
      setProgress(null)
    }
  }

  const importFile = async (file: File) => {
    await runImport(async () =>
      api.call('dict.import', { name: file.name, data: await fileToBase64(file) }),
    )
  }

  return (
    <section className="glossary" aria-labelledby="glossary-heading">
      <h1 id="glossary-heading" className="view-title">
        {t('glossary.heading')}
      </h1>
      <p className="muted">{t('glossary.intro')}</p>

      {status?.systemCopy && !progress && (
        <div className="banner" role="note">
          <p>
            {t(status.systemOutdated ? 'glossary.systemOutdated' : 'glossary.systemOffer', {
              path: status.systemCopy,
            })}
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() => void runImport(() => api.call('dict.importSystem', {}))}
          >
            {t(status.systemOutdated ? 'glossary.systemReimport' : 'glossary.systemImport')}
          </button>
        </div>
      )}

      <div className="dictionaries">
        <strong>{t('glossary.dictionaries')}</strong>
        {status && status.dictionaries.length === 0 && <p>{t('glossary.noDictionaries')}</p>}
        {status && status.dictionaries.length > 0 && (
          <ul>
            {status.dictionaries.map((d) => (
              <li key={d.id}>
                {t('glossary.dictionaryLine', d)}
                {d.outdated && d.path !== status.systemCopy && (
                  <span className="muted"> ({t('glossary.dictionaryOutdated')})</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {progress ? (
          <p role="status">
            {t('glossary.importing')}{' '}
            <progress
              className="dict-progress"
              value={progress.done}
              max={Math.max(1, progress.total)}
              data-testid="dict-progress"
            />{' '}
            <CancelJobButton kind="dict.import" />
          </p>
        ) : (
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('glossary.importDict')}
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="dict-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void importFile(file)
          }}
        />
        {message && (
          <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>

      <div className="glossary-tools">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('glossary.filterPlaceholder')}
          aria-label={t('glossary.filter')}
          lang="de"
        />
        <select
          value={source}
          onChange={(e) => setSource(e.target.value as SourceFilter)}
          aria-label={t('glossary.sourceFilter')}
        >
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`glossary.source.${s}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => setDraft({ entry: { lemma: filter.trim() } })}
        >
          {t('glossary.add')}
        </button>
        <button type="button" className="button ghost" onClick={() => void exportCsv()}>
          {t('glossary.export')}
        </button>
      </div>

      {total !== null && (
        <p className="muted" role="status">
          {total ? t('glossary.count', { count: total }) : t('glossary.none')}
        </p>
      )}
      {entries.length > 0 && (
        <table className="glossary-table" data-testid="glossary-table">
          <thead>
            <tr>
              <th>{t('glossary.columns.lemma')}</th>
              <th>{t('glossary.columns.gloss')}</th>
              <th>{t('glossary.columns.source')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="lemma" lang="de">
                  {e.gender && <span className="article-word">{GENDER_ARTICLE[e.gender]} </span>}
                  {e.lemma}
                  {e.plural && <span className="muted">, {e.plural}</span>}
                </td>
                <td>
                  <span lang="en">{e.gloss}</span>
                  {e.explanation && (
                    <span className="explanation" lang="de">
                      {e.explanation}
                    </span>
                  )}
                </td>
                <td className="muted">{t(`glossary.source.${e.source}`)}</td>
                <td className="row-actions">
                  {e.source === 'user' ? (
                    <>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setDraft({ id: e.id, entry: e })}
                      >
                        {t('glossary.edit')}
                      </button>{' '}
                      <button type="button" className="link danger" onClick={() => void remove(e)}>
                        {t('glossary.delete')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="link" onClick={() => setDraft({ entry: e })}>
                      {t('popover.addTerm')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total !== null && entries.length < total && (
        <button type="button" className="button ghost more" onClick={() => void more()}>
          {t('glossary.loadMore')}
        </button>
      )}
      {draft && (
        <TermEditor
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            changed()
          }}
        />
      )}
    </section>
  )
}
