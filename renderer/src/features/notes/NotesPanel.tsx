/** The notes panel beside the reader: tags, notes on the article, highlights, orphans, versions. */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleNotes, Highlight } from '../../../../shared/contract/notes'
import type { ArticleChanges, ArticleVersion } from '../../../../shared/contract/versions'
import { useApi } from '../../api/ApiContext'
import { ExportMenu } from './ExportMenu'
import { newGuid } from './guid'
import { HighlightCard } from './HighlightCard'
import { NoteEditor } from './NoteEditor'
import { TagInput } from './TagInput'
import { sortByStart } from './useArticleNotes'
import { VersionsSection } from './VersionsSection'

export interface NotesPanelProps {
  article: number
  notes: ArticleNotes
  setNotes: (update: (n: ArticleNotes | null) => ArticleNotes | null) => void
  versions: ArticleVersion[]
  changes: ArticleChanges | null
  activeId: number | null
  focusNoteOf: number | null
  onActivate: (id: number | null) => void
  attaching: number | null
  onAttach: (id: number | null) => void
  markChanges: boolean
  onMarkChanges: (on: boolean) => void
  onJump: (offset: number) => void
  onClose: () => void
  message: string | null
  onMessage: (m: string | null) => void
}

export function NotesPanel(p: NotesPanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [fresh, setFresh] = useState<string[]>([])
  const list = useRef<HTMLDivElement>(null)
  const { highlights, notes, tags } = p.notes
  const placed = highlights.filter((h) => h.status !== 'orphan')
  const orphans = highlights.filter((h) => h.status === 'orphan')

  // the highlight chosen in the text comes into view here
  useEffect(() => {
    if (p.activeId === null) return
    list.current
      ?.querySelector(`[data-highlight="${p.activeId}"]`)
      ?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [p.activeId])

  const replace = (h: Highlight) =>
    p.setNotes((n) =>
      n ? { ...n, highlights: sortByStart(n.highlights.map((x) => (x.id === h.id ? h : x))) } : n,
    )
  const drop = (id: number) =>
    p.setNotes((n) => (n ? { ...n, highlights: n.highlights.filter((x) => x.id !== id) } : n))
  const card = (h: Highlight) => (
    <HighlightCard
      key={h.id}
      highlight={h}
      active={h.id === p.activeId}
      focusNote={h.id === p.focusNoteOf}
      onActivate={() => p.onActivate(h.id)}
      onChanged={replace}
      onDeleted={() => drop(h.id)}
      onReattach={() => p.onAttach(h.id)}
    />
  )
  const known = new Set(notes.map((n) => n.guid))

  return (
    <aside className="notes-panel" aria-labelledby="notes-heading" data-testid="notes-panel">
      <header className="notes-panel-head">
        <h2 id="notes-heading">
          {t('notes.panel')}{' '}
          <span className="count" title={t('notes.highlights', { count: highlights.length })}>
            {highlights.length}
          </span>
        </h2>
        <ExportMenu article={p.article} onDone={p.onMessage} />
        <button
          type="button"
          className="icon-button"
          onClick={p.onClose}
          aria-label={t('notes.hidePanel')}
          title={t('notes.hidePanel')}
        >
          ⇥
        </button>
      </header>
      {p.message && (
        <p className="notes-message" role="status">
          {p.message}{' '}
          <button type="button" className="link" onClick={() => p.onMessage(null)}>
            ×
          </button>
        </p>
      )}
      {p.attaching !== null && (
        <p className="notes-message attaching" role="status">
          {t('notes.reattaching')}{' '}
          <button type="button" className="link" onClick={() => p.onAttach(null)}>
            {t('notes.cancelReattach')}
          </button>
        </p>
      )}
      <div className="notes-scroll" ref={list}>
        <section className="notes-section">
          <h3>{t('notes.articleTags')}</h3>
          <TagInput
            tags={tags}
            label={t('notes.articleTags')}
            onChange={async (next) => {
              const r = await api.call('article.setTags', { id: p.article, tags: next })
              p.setNotes((n) => (n ? { ...n, tags: r.tags } : n))
            }}
          />
        </section>
        <section className="notes-section">
          <h3>{t('notes.articleNotes')}</h3>
          {[
            ...notes.map((n) => ({ guid: n.guid, body: n.body, fresh: false })),
            ...fresh.filter((g) => !known.has(g)).map((g) => ({ guid: g, body: '', fresh: true })),
          ].map((n) => (
            // one list, so a new note that gets saved keeps its editor (and the focus)
            <NoteEditor
              key={n.guid}
              guid={n.guid}
              target={{ kind: 'article', id: p.article }}
              body={n.body}
              autoFocus={n.fresh}
              label={t('notes.articleNotes')}
            />
          ))}
          <button type="button" className="link" onClick={() => setFresh((f) => [...f, newGuid()])}>
            + {t('notes.addNote')}
          </button>
        </section>
        <section className="notes-section">
          <h3>{t('notes.highlights', { count: placed.length })}</h3>
          {placed.length === 0 && <p className="muted">{t('notes.noHighlights')}</p>}
          <ul className="highlight-list">{placed.map(card)}</ul>
        </section>
        {orphans.length > 0 && (
          <section className="notes-section orphans" data-testid="orphans">
            <h3>
              {t('notes.orphans')} <span className="count">{orphans.length}</span>
            </h3>
            <p className="muted small">{t('notes.orphansHint')}</p>
            <ul className="highlight-list">{orphans.map(card)}</ul>
          </section>
        )}
        <VersionsSection
          article={p.article}
          versions={p.versions}
          changes={p.changes}
          markChanges={p.markChanges}
          onMarkChanges={p.onMarkChanges}
          onJump={p.onJump}
          onUpdated={p.onMessage}
        />
      </div>
    </aside>
  )
}
