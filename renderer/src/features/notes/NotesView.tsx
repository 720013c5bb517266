/**
 * The notes overview: every highlight and note, most recently changed first, filtered by tag,
 * colour, outlet, story, state and kind, one page at a time (the library may hold tens of
 * thousands); export and import of all notes.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  highlightColors,
  type NoteListItem,
  type NotesFacets,
} from '../../../../shared/contract/notes'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { formatPublished } from '../../components/format'
import { ExportMenu } from './ExportMenu'
import { newGuid } from './guid'
import { Markdown } from './Markdown'
import { NoteEditor } from './NoteEditor'

const PAGE = 50
const FILTER_KEY = 'lesesaal.notesFilter'

interface Filter {
  tag: string | null
  color: (typeof highlightColors)[number] | null
  outlet: string | null
  story: number | null
  status: 'orphan' | null
  kind: 'highlight' | 'note' | null
}
const NO_FILTER: Filter = {
  tag: null,
  color: null,
  outlet: null,
  story: null,
  status: null,
  kind: null,
}

function loadFilter(): Filter {
  try {
    return { ...NO_FILTER, ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Filter) }
  } catch {
    return NO_FILTER
  }
}

export function NotesView({
  onOpen,
}: {
  /** Opens an article, at the highlight when the entry is one. */
  onOpen: (article: number, highlight: number | null) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const lang = i18n.resolvedLanguage ?? 'de'
  const [filter, setFilterState] = useState<Filter>(loadFilter)
  const [page, setPage] = useState(0)
  const [data, setData] = useState<{ items: NoteListItem[]; total: number } | null>(null)
  const [facets, setFacets] = useState<NotesFacets | null>(null)
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [storyNote] = useState(newGuid)
  const fileInput = useRef<HTMLInputElement>(null)

  useApiEvent(
    'notes.changed',
    useCallback(() => setVersion((v) => v + 1), []),
  )

  const setFilter = (patch: Partial<Filter>) => {
    const next = { ...filter, ...patch }
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(next))
    setFilterState(next)
    setPage(0)
  }

  useEffect(() => {
    let live = true
    api.call('notes.list', { ...filter, limit: PAGE, offset: page * PAGE }).then(
      (r) => live && setData(r),
      (err: Error) => live && setMessage(t('errors.generic', { message: err.message })),
    )
    return () => {
      live = false
    }
  }, [api, filter, page, version, t])

  useEffect(() => {
    api.call('notes.facets', {}).then(setFacets, () => {})
  }, [api, version])

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1
  const select = <K extends keyof Filter>(
    key: K,
    label: string,
    all: string,
    options: { value: string; label: string }[],
    parse: (v: string) => Filter[K],
  ) => (
    <label className="control">
      <span>{label}</span>
      <select
        value={filter[key] === null ? '' : String(filter[key])}
        onChange={(e) => setFilter({ [key]: e.target.value ? parse(e.target.value) : null })}
        data-testid={`notes-filter-${key}`}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  const importFile = async (file: File) => {
    try {
      const r = await api.call('notes.import', { content: await file.text() })
      const n = {
        added: r.highlights.added + r.notes.added,
        updated: r.highlights.updated + r.notes.updated,
        unchanged: r.highlights.unchanged + r.notes.unchanged,
        kept: r.highlights.kept + r.notes.kept,
      }
      setMessage(
        [
          t('notes.imported', n),
          r.skipped.length
            ? t('notes.skipped', { count: r.skipped.length, reason: r.skipped[0]!.reason })
            : '',
        ].join(' '),
      )
    } catch (err) {
      setMessage(t('errors.generic', { message: (err as Error).message }))
    }
  }

  return (
    <section className="notes-view" aria-labelledby="notes-view-heading">
      <div className="library-bar">
        <h1 id="notes-view-heading">
          {t('notes.overview.heading')}{' '}
          {data && (
            <span className="count">{t('notes.overview.count', { count: data.total })}</span>
          )}
        </h1>
        <div className="library-controls">
          <ExportMenu story={filter.story} onDone={setMessage} />
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('notes.importJson')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="notes-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0]
              e.target.value = ''
              if (f) void importFile(f)
            }}
          />
        </div>
      </div>
      <div className="notes-filters library-controls">
        {select(
          'tag',
          t('notes.tags'),
          t('notes.overview.allTags'),
          (facets?.tags ?? []).map((x) => ({ value: x.name, label: `${x.name} (${x.count})` })),
          (v) => v,
        )}
        {select(
          'color',
          t('notes.color'),
          t('notes.overview.allColors'),
          highlightColors.map((c) => ({ value: c, label: t(`notes.colors.${c}`) })),
          (v) => v as Filter['color'],
        )}
        {select(
          'outlet',
          t('library.outlet'),
          t('notes.overview.allOutlets'),
          (facets?.outlets ?? []).map((x) => ({ value: x.name, label: `${x.name} (${x.count})` })),
          (v) => v,
        )}
        {(facets?.stories.length ?? 0) > 0 &&
          select(
            'story',
            t('notes.overview.story'),
            t('notes.overview.allStories'),
            facets!.stories.map((x) => ({ value: String(x.id), label: `${x.title} (${x.count})` })),
            (v) => Number(v),
          )}
        {select(
          'status',
          t('notes.overview.status'),
          t('notes.overview.allStatuses'),
          [
            {
              value: 'orphan',
              label: `${t('notes.overview.orphansOnly')} (${facets?.orphans ?? 0})`,
            },
          ],
          () => 'orphan' as const,
        )}
        {select(
          'kind',
          t('notes.overview.kind'),
          t('notes.overview.allKinds'),
          [
            { value: 'highlight', label: t('notes.overview.onlyHighlights') },
            { value: 'note', label: t('notes.overview.onlyNotes') },
          ],
          (v) => v as Filter['kind'],
        )}
      </div>
      {message && (
        <p className="notes-message" role="status">
          {message}{' '}
          <button type="button" className="link" onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
      {filter.story !== null && (
        <div className="story-note">
          <h2>{t('notes.overview.storyNote')}</h2>
          <NoteEditor
            key={filter.story}
            guid={storyNote}
            target={{ kind: 'story', id: filter.story }}
            body=""
          />
        </div>
      )}
      {data && data.total === 0 && (
        <p className="muted">
          {Object.values(filter).some((v) => v !== null)
            ? t('notes.overview.none')
            : t('notes.overview.empty')}
        </p>
      )}
      <ol className="notes-list" data-testid="notes-list">
        {data?.items.map((item) => (
          <li
            key={`${item.kind}${item.id}`}
            className={`notes-item ${item.color ? `hl-card-${item.color}` : ''}${item.status === 'orphan' ? ' orphan' : ''}`}
            data-testid="notes-item"
          >
            {item.quote && (
              <blockquote className="hl-quote" lang="de">
                {item.quote}
              </blockquote>
            )}
            {item.note && <Markdown body={item.note.body} />}
            <p className="notes-item-meta">
              {item.article && (
                <a
                  href={`#/article/${item.article.id}`}
                  lang="de"
                  onClick={(e) => {
                    e.preventDefault()
                    onOpen(item.article!.id, item.kind === 'highlight' ? item.id : null)
                  }}
                >
                  {item.article.title}
                </a>
              )}
              {item.article?.outlet && <span>{item.article.outlet}</span>}
              {item.article?.published && (
                <span>{formatPublished(item.article.published, lang, 'short')}</span>
              )}
              {item.story && (
                <span>{t('notes.overview.onStory', { title: item.story.title })}</span>
              )}
              {item.lemma && <span>{t('notes.overview.onWord', { lemma: item.lemma })}</span>}
              {item.status === 'orphan' && <span className="badge">{t('notes.orphans')}</span>}
              {item.tags.map((tag) => (
                <span key={tag} className="tag-label">
                  #{tag}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
      {data && data.total > PAGE && (
        <nav className="pager" aria-label={t('notes.overview.page', { page: page + 1, pages })}>
          <button
            type="button"
            className="button"
            disabled={page === 0}
            onClick={() => setPage((p) => p - 1)}
          >
            ← {t('notes.overview.previous')}
          </button>
          <span>{t('notes.overview.page', { page: page + 1, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={page + 1 >= pages}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('notes.overview.next')} →
          </button>
        </nav>
      )}
    </section>
  )
}
