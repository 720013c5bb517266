/** One highlight in the notes panel: its words, colour, note, tags; delete, re-attach. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { highlightColors, type Highlight, type Note } from '../../../../shared/contract/notes'
import { useApi } from '../../api/ApiContext'
import { newGuid } from './guid'
import { NoteEditor } from './NoteEditor'
import { TagInput } from './TagInput'

export function HighlightCard({
  highlight: h,
  active,
  focusNote,
  onActivate,
  onChanged,
  onDeleted,
  onReattach,
}: {
  highlight: Highlight
  active: boolean
  focusNote: boolean
  onActivate: () => void
  onChanged: (h: Highlight) => void
  onDeleted: () => void
  onReattach?: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [guid] = useState(() => h.note?.guid ?? newGuid())
  const orphan = h.status === 'orphan'
  const update = async (patch: { color?: Highlight['color']; tags?: string[] }) =>
    onChanged(await api.call('highlight.update', { id: h.id, ...patch }))
  const remove = async () => {
    if (!window.confirm(t('notes.confirmDeleteHighlight'))) return
    await api.call('highlight.delete', { id: h.id })
    onDeleted()
  }
  return (
    <li
      className={`highlight-card hl-card-${h.color}${active ? ' active' : ''}${orphan ? ' orphan' : ''}`}
      data-testid={orphan ? 'orphan' : 'highlight-card'}
      data-highlight={h.id}
    >
      <blockquote
        className="hl-quote"
        lang="de"
        onClick={onActivate}
        title={orphan ? undefined : t('notes.edit')}
      >
        {h.quote}
      </blockquote>
      {(h.status === 'moved' || h.quoteBefore) && !orphan && (
        <p className="hl-status muted">
          {h.quoteBefore ? t('notes.changedWords', { before: h.quoteBefore }) : t('notes.moved')}
        </p>
      )}
      <NoteEditor
        guid={guid}
        target={{ kind: 'highlight', id: h.id }}
        body={h.note?.body ?? ''}
        autoFocus={focusNote}
        onSaved={(note: Note | null) => onChanged({ ...h, note })}
      />
      <div className="hl-meta">
        <div className="hl-colors" role="radiogroup" aria-label={t('notes.color')}>
          {highlightColors.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={h.color === c}
              className={`swatch small hl-${c}`}
              aria-label={t(`notes.colors.${c}`)}
              title={t(`notes.colors.${c}`)}
              onClick={() => h.color !== c && void update({ color: c })}
            />
          ))}
        </div>
        <TagInput tags={h.tags} onChange={(tags) => void update({ tags })} />
        <div className="hl-actions">
          {orphan && onReattach && (
            <button type="button" className="link" onClick={onReattach}>
              {t('notes.reattach')}
            </button>
          )}
          <button type="button" className="link danger" onClick={() => void remove()}>
            {t('notes.deleteHighlight')}
          </button>
        </div>
      </div>
    </li>
  )
}
