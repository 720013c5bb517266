/**
 * What the notes room adds to search results: "in your note" under a hit, the articles found
 * in the user's notes, and filter chips for tag and story.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotesFacets } from '../../../../shared/contract/notes'
import type { SearchHit, SearchResults } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import type { SearchParams } from '../../app/useRoute'
import { Highlighted } from '../../components/Highlighted'

/** The user's own note or highlight that matches, under a search hit. */
export function NoteMatch({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation()
  if (!hit.note) return null
  return (
    <p className="note-match" data-testid="note-match">
      <span className="badge note-badge">
        {hit.note.from === 'note' ? t('notes.inYourNote') : t('notes.inYourHighlight')}
      </span>{' '}
      <span lang="de">
        <Highlighted text={hit.note.snippet} ranges={hit.note.highlights} />
      </span>
    </p>
  )
}

/** Articles whose notes match the query, above the results. */
export function InNotes({
  found,
  shown,
  onOpen,
}: {
  found: NonNullable<SearchResults['inNotes']>
  /** The hits already on the page (they say "in your note" themselves). */
  shown: readonly SearchHit[]
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  const onPage = new Set(shown.map((h) => h.id))
  const hits = found.hits.filter((h) => !onPage.has(h.id))
  const total = found.total - (found.hits.length - hits.length)
  if (!hits.length) return null
  return (
    <section className="in-notes" aria-labelledby="in-notes-heading" data-testid="in-notes">
      <h2 id="in-notes-heading">
        {t('notes.inNotesHeading')} <span className="count">{total}</span>
      </h2>
      <ul className="search-results">
        {hits.map((hit) => (
          <li key={hit.id} className="search-hit">
            <a
              href={`#/article/${hit.id}`}
              className="hit-title"
              lang="de"
              onClick={(e) => {
                e.preventDefault()
                onOpen(hit.id)
              }}
            >
              {hit.title}
            </a>
            {hit.outlet && <span className="muted"> · {hit.outlet}</span>}
            <NoteMatch hit={hit} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Chips for the tag and story filters of the search field. */
export function NoteFilters({
  params,
  update,
  chip,
}: {
  params: SearchParams
  update: (patch: Partial<SearchParams>) => void
  chip: (label: string, clear: () => void) => ReactNode
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [facets, setFacets] = useState<{
    tags: { name: string }[]
    stories: NotesFacets['stories']
  } | null>(null)
  const [adding, setAdding] = useState<null | 'tag' | 'story'>(null)
  useEffect(() => {
    Promise.all([api.call('tags.list', {}), api.call('notes.facets', {})]).then(
      ([tags, f]) => setFacets({ tags, stories: f.stories }),
      () => setFacets(null),
    )
  }, [api])
  if (!facets) return null
  const story = facets.stories.find((s) => s.id === params.story)
  return (
    <>
      {params.tag && chip(`${t('notes.tags')}: ${params.tag}`, () => update({ tag: null }))}
      {params.story &&
        chip(`${t('notes.overview.story')}: ${story?.title ?? params.story}`, () =>
          update({ story: null }),
        )}
      {adding ? (
        <select
          autoFocus
          className="chip-input"
          aria-label={adding === 'tag' ? t('notes.tags') : t('notes.overview.story')}
          defaultValue=""
          onChange={(e) => {
            setAdding(null)
            if (!e.target.value) return
            if (adding === 'tag') update({ tag: e.target.value })
            else update({ story: Number(e.target.value) })
          }}
          onBlur={() => setAdding(null)}
        >
          <option value="">
            {adding === 'tag' ? t('notes.overview.allTags') : t('notes.overview.allStories')}
          </option>
          {adding === 'tag'
            ? facets.tags.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))
            : facets.stories.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
        </select>
      ) : (
        <>
          {!params.tag && facets.tags.length > 0 && (
            <button type="button" className="chip add" onClick={() => setAdding('tag')}>
              + {t('notes.tags')}
            </button>
          )}
          {!params.story && facets.stories.length > 0 && (
            <button type="button" className="chip add" onClick={() => setAdding('story')}>
              + {t('notes.overview.story')}
            </button>
          )}
        </>
      )}
    </>
  )
}
