/**
 * Highlights on an article's text shown outside the reader (a column of the parallel view):
 * the article's highlights laid over its words, the selection toolbar (a colour, or a
 * highlight with a note), and a dialog with the highlight's card (note, colour, tags,
 * delete) when a highlighted word is clicked or a highlight with a note is made. The same
 * highlights as in the reader: made here, they are there, and the other way round.
 */
import { useCallback, useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Highlight } from '../../../../shared/contract/notes'
import type { TextRange } from '../../../../shared/types'
import { Modal } from '../../components/Modal'
import type { Decoration } from '../glossary/WordText'
import { HighlightCard } from './HighlightCard'
import { useArticleNotes } from './useArticleNotes'
import { useHighlightLayer, type SelectionAction } from './useHighlightLayer'

export function useTextHighlights(
  articleId: number,
  paragraphs: readonly string[],
  container: RefObject<HTMLElement | null>,
): {
  /** The decorations of a paragraph (offsets into the paragraph). */
  decorations: ReturnType<typeof useHighlightLayer>['decorations']
  /** The selection toolbar, the highlight's dialog and any error: render them once. */
  overlay: ReactNode
  /** For the text's click handler: a click on a highlighted word opens its card. */
  onClick: (e: { target: EventTarget | null }) => void
} {
  const { t } = useTranslation()
  const state = useArticleNotes(articleId)
  const { notes, setNotes, createHighlight } = state
  const [open, setOpen] = useState<{ id: number; focusNote: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const highlights = notes?.highlights ?? []

  const put = (h: Highlight) =>
    setNotes((n) => n && { ...n, highlights: n.highlights.map((x) => (x.id === h.id ? h : x)) })

  const select = async (range: TextRange, action: SelectionAction) => {
    if ('attach' in action) return
    try {
      setError(null)
      const h = await createHighlight(range, 'color' in action ? action.color : 'yellow')
      if (h && 'note' in action) setOpen({ id: h.id, focusNote: true })
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    }
  }

  const layer = useHighlightLayer({
    container,
    paragraphs,
    highlights,
    activeId: open?.id ?? null,
    onSelect: (range, action) => void select(range, action),
  })

  const onClick = useCallback((e: { target: EventTarget | null }) => {
    const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-hl]') : null
    if (el) setOpen({ id: Number(el.dataset.hl), focusNote: false })
  }, [])

  const shown = open ? highlights.find((h) => h.id === open.id) : undefined
  const overlay = (
    <>
      {layer.toolbar}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && open && (
        <Modal
          title={t('notes.highlightDialog')}
          onClose={() => setOpen(null)}
          labelledBy={`hl-dialog-${shown.id}`}
        >
          <ul className="highlight-list">
            <HighlightCard
              highlight={shown}
              active
              focusNote={open.focusNote}
              onActivate={() => undefined}
              onChanged={put}
              onDeleted={() => {
                setOpen(null)
                setNotes(
                  (n) => n && { ...n, highlights: n.highlights.filter((h) => h.id !== shown.id) },
                )
              }}
            />
          </ul>
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setOpen(null)}>
              {t('actions.close')}
            </button>
          </div>
        </Modal>
      )}
    </>
  )
  return { decorations: layer.decorations, overlay, onClick }
}

const NONE: Decoration[] = []

/** A paragraph's decorations that touch a sentence, as offsets into the sentence. */
export function inSentence(decorations: Decoration[], from: number, length: number): Decoration[] {
  if (decorations.length === 0) return NONE
  const to = from + length
  const out: Decoration[] = []
  for (const d of decorations)
    if (d.end > from && d.start < to)
      out.push({ ...d, start: Math.max(0, d.start - from), end: Math.min(length, d.end - from) })
  return out.length ? out : NONE
}
