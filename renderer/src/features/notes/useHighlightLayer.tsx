/**
 * The highlight layer any view of an article's text can use (the reader; the parallel view
 * and translations the same way): it turns highlights and other ranges over the article text
 * into per-paragraph decorations for `WordText`, and turns a text selection in the view into
 * a range of whole words with a small toolbar (colours, note, re-attach).
 *
 * The view must render each paragraph `i` of `paragraphs` in an element with `data-para={i}`
 * holding `WordText` spans (their `data-start` is the offset in the paragraph).
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'
import {
  highlightColors,
  type Highlight,
  type HighlightColor,
} from '../../../../shared/contract/notes'
import { rangesByParagraph } from '../../../../shared/text'
import type { TextRange } from '../../../../shared/types'
import type { Decoration } from '../glossary/WordText'
import { focusWord } from '../glossary/useWordPopover'
import { selectionRange } from './selection'

/** A range over the article text with how to show it (changes, search hits …). */
export interface TextMark extends TextRange {
  className: string
  title?: string
  data?: Record<string, string>
}

export type SelectionAction = { color: HighlightColor } | { note: true } | { attach: true }

const NONE: Decoration[] = []

export function useHighlightLayer({
  container,
  paragraphs,
  highlights,
  marks = [],
  activeId = null,
  attaching = false,
  onSelect,
}: {
  container: RefObject<HTMLElement | null>
  paragraphs: readonly string[] | null
  highlights: readonly Highlight[]
  marks?: readonly TextMark[]
  activeId?: number | null
  /** Re-attaching an orphan: the toolbar offers "attach here". */
  attaching?: boolean
  onSelect: (range: TextRange, action: SelectionAction) => void
}) {
  const { t } = useTranslation()
  const [picked, setPicked] = useState<{ range: TextRange; rect: DOMRect } | null>(null)
  const bar = useRef<HTMLDivElement>(null)
  // the word that had the focus when Tab took it into the toolbar (keyboard users)
  const from = useRef<HTMLElement | null>(null)

  const byParagraph = useMemo(() => {
    if (!paragraphs) return []
    const all: TextMark[] = [
      ...marks,
      ...highlights
        .filter((h) => h.status !== 'orphan')
        .map((h) => ({
          start: h.start,
          end: h.end,
          className: `hl hl-${h.color}${h.id === activeId ? ' hl-active' : ''}`,
          data: { hl: String(h.id) },
          title: h.note?.body.split('\n')[0]?.slice(0, 120),
        })),
    ].sort((a, b) => a.start - b.start)
    return rangesByParagraph(all, paragraphs).map((list) =>
      list.map((m): Decoration => ({
        start: m.piece.start,
        end: m.piece.end,
        className: m.className,
        data: m.data,
        title: m.title,
      })),
    )
  }, [paragraphs, highlights, marks, activeId])

  const decorations = useCallback((i: number) => byParagraph[i] ?? NONE, [byParagraph])

  // a selection of text in the view: the words it covers, and where to show the toolbar
  useEffect(() => {
    const root = container.current
    if (!root || !paragraphs) return
    let frame = 0
    const pick = () => {
      const selection = window.getSelection()
      const range = selectionRange(root, paragraphs, selection)
      if (!range || !selection) return setPicked(null)
      setPicked({ range, rect: selection.getRangeAt(0).getBoundingClientRect() })
    }
    const check = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        // moving between the toolbar's buttons with Tab may drop the selection: the words
        // picked stay picked
        if (!bar.current?.contains(document.activeElement)) pick()
      })
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicked(null)
      else if (e.shiftKey) check()
    }
    // Tab from the selected words goes into the toolbar (it stands apart in the page)
    const onTab = (e: KeyboardEvent) => {
      const first = bar.current?.querySelector<HTMLElement>('button')
      if (e.key !== 'Tab' || e.shiftKey || !first) return
      if (bar.current?.contains(document.activeElement)) return
      e.preventDefault()
      // the words selected until now, also by a Shift+arrow whose check has not run yet (it
      // waits for the next frame, and would then find the focus in the toolbar)
      cancelAnimationFrame(frame)
      pick()
      from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      first.focus()
    }
    root.addEventListener('mouseup', check)
    root.addEventListener('keyup', onKey)
    root.addEventListener('keydown', onTab)
    document.addEventListener('selectionchange', check)
    return () => {
      cancelAnimationFrame(frame)
      root.removeEventListener('mouseup', check)
      root.removeEventListener('keyup', onKey)
      root.removeEventListener('keydown', onTab)
      document.removeEventListener('selectionchange', check)
    }
  }, [container, paragraphs])

  const choose = (action: SelectionAction) => {
    if (!picked) return
    onSelect(picked.range, action)
    window.getSelection()?.removeAllRanges()
    setPicked(null)
    // back to the words (a note's editor takes the focus itself)
    if (!('note' in action)) backToWord()
  }
  // the word that had the focus, found again once the highlight has drawn the text anew
  const backToWord = () => {
    const word = from.current
    from.current = null
    const para = word?.closest<HTMLElement>('[data-para]')?.dataset.para
    const start = word?.dataset.start
    if (!word || para === undefined || start === undefined) return word?.focus()
    requestAnimationFrame(() => {
      const again = container.current?.querySelector<HTMLElement>(
        `[data-para="${para}"] .w[data-start="${start}"]`,
      )
      if (again) focusWord(again)
    })
  }
  const onBarKey = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.stopPropagation()
    window.getSelection()?.removeAllRanges()
    setPicked(null)
    backToWord()
  }

  const toolbar: ReactNode = picked ? (
    <div
      ref={bar}
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('notes.selection')}
      style={toolbarPosition(picked.rect)}
      onKeyDown={onBarKey}
      // keep the selection while a button is pressed
      onMouseDown={(e) => e.preventDefault()}
      data-testid="selection-toolbar"
    >
      {attaching ? (
        <button type="button" className="button primary" onClick={() => choose({ attach: true })}>
          {t('notes.attachHere')}
        </button>
      ) : (
        <>
          {highlightColors.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch hl-${color}`}
              aria-label={t('notes.highlightAs', { color: t(`notes.colors.${color}`) })}
              title={t('notes.highlightAs', { color: t(`notes.colors.${color}`) })}
              onClick={() => choose({ color })}
            />
          ))}
          <button type="button" className="button" onClick={() => choose({ note: true })}>
            ✎ {t('notes.highlightWithNote')}
          </button>
        </>
      )}
    </div>
  ) : null

  return { decorations, toolbar, clearSelection: () => setPicked(null) }
}

/** Above the selection, centred, inside the window (below it near the top). */
function toolbarPosition(rect: DOMRect): { top: number; left: number } {
  const width = 300
  const left = Math.max(
    8,
    Math.min(window.innerWidth - width - 8, rect.left + rect.width / 2 - width / 2),
  )
  const top = rect.top > 70 ? rect.top - 48 : rect.bottom + 8
  return { top, left }
}
