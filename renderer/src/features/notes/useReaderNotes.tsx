/**
 * The notes room in the reader: highlights and changes laid over the text, the selection
 * toolbar, and the notes panel beside the text (collapsible, remembered). ReaderView calls
 * this once and places what it returns; everything else lives here.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleNotes, Highlight } from '../../../../shared/contract/notes'
import { paragraphIndexAt, paragraphStarts } from '../../../../shared/text'
import type { ArticleDetail, TextRange } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { NotesPanel } from './NotesPanel'
import { sortByStart, useArticleNotes } from './useArticleNotes'
import { useHighlightLayer, type SelectionAction, type TextMark } from './useHighlightLayer'

const PANEL_KEY = 'lesesaal.notesPanel'
const NO_NOTES: ArticleNotes = { highlights: [], notes: [], tags: [] }
const MARKS_KEY = 'lesesaal.markChanges'

export function useReaderNotes(
  article: ArticleDetail | null,
  page: RefObject<HTMLElement | null>,
  /** The article's text changed (a newer version was imported): load it again. */
  onTextChanged: () => void,
  /** A highlight to show once the text and its highlights are there (scrolled to, active). */
  shown: number | null = null,
) {
  const { t } = useTranslation()
  const api = useApi()
  const id = article?.id ?? null
  const state = useArticleNotes(id)
  const [open, setOpen] = useState(() => localStorage.getItem(PANEL_KEY) !== 'closed')
  const [activeId, setActiveId] = useState<number | null>(null)
  const [focusNoteOf, setFocusNoteOf] = useState<number | null>(null)
  const [attaching, setAttaching] = useState<number | null>(null)
  const [markChanges, setMarkChanges] = useState(() => localStorage.getItem(MARKS_KEY) !== 'off')
  const [message, setMessage] = useState<string | null>(null)
  const textChanged = useRef(onTextChanged)
  useEffect(() => {
    textChanged.current = onTextChanged
  })

  // a newer version arrived (here or elsewhere): the reader loads the text again
  useEffect(() => {
    if (state.textVersion > 0) textChanged.current()
  }, [state.textVersion])

  const toggle = useCallback((next: boolean) => {
    setOpen(next)
    localStorage.setItem(PANEL_KEY, next ? 'open' : 'closed')
  }, [])

  // the highlight asked for: its first word in the middle of the window, its card active in the
  // panel (opened)
  const showed = useRef<number | null>(null)
  const highlights = state.notes?.highlights
  useEffect(() => {
    if (shown === null || showed.current === shown || !highlights || !article) return
    if (!highlights.some((h) => h.id === shown)) return
    // the highlight's words are drawn a moment after its data arrived
    let timer = 0
    let tries = 0
    const look = () => {
      const word = page.current?.querySelector<HTMLElement>(`.article-body [data-hl="${shown}"]`)
      if (!word) {
        if (++tries < 60) timer = window.setTimeout(look, 16)
        return
      }
      showed.current = shown
      setActiveId(shown)
      toggle(true)
      word.scrollIntoView?.({ block: 'center' })
    }
    timer = window.setTimeout(look, 0)
    return () => window.clearTimeout(timer)
  }, [shown, highlights, article, page, toggle])

  const marks = useMemo<TextMark[]>(() => {
    if (!markChanges || !state.changes) return []
    return state.changes.changes
      .filter((c) => c.kind !== 'removed' && c.end > c.start)
      .map((c) => ({
        start: c.start,
        end: c.end,
        className: `chg chg-${c.kind}`,
        title:
          c.kind === 'changed'
            ? t('notes.before', { text: c.before ?? '' })
            : c.kind === 'added'
              ? t('notes.added')
              : t('notes.movedSentence'),
      }))
  }, [markChanges, state.changes, t])

  const put = (h: Highlight) =>
    state.setNotes((n) =>
      n ? { ...n, highlights: sortByStart([...n.highlights.filter((x) => x.id !== h.id), h]) } : n,
    )

  const onSelect = async (range: TextRange, action: SelectionAction) => {
    try {
      if ('attach' in action) {
        if (attaching === null) return
        put(await api.call('highlight.attach', { id: attaching, ...range }))
        setActiveId(attaching)
        setAttaching(null)
        return
      }
      const h = await state.createHighlight(range, 'color' in action ? action.color : 'yellow')
      if (!h) return
      setActiveId(h.id)
      if ('note' in action) {
        setFocusNoteOf(h.id)
        toggle(true)
      }
    } catch (err) {
      setMessage(t('errors.generic', { message: (err as Error).message }))
      toggle(true)
    }
  }

  const layer = useHighlightLayer({
    container: page,
    paragraphs: article?.paragraphs ?? null,
    highlights: state.notes?.highlights ?? [],
    marks,
    activeId,
    attaching: attaching !== null,
    onSelect: (range, action) => void onSelect(range, action),
  })

  // clicking a highlighted word shows its card in the panel (the word's popover opens too)
  const onTextClick = useCallback(
    (e: { target: EventTarget | null }) => {
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-hl]') : null
      if (!el) return
      setActiveId(Number(el.dataset.hl))
      toggle(true)
    },
    [toggle],
  )

  const jump = (offset: number) => {
    const root = page.current
    if (!root || !article) return
    const para = paragraphIndexAt(paragraphStarts(article.paragraphs), offset)
    root
      .querySelector(`[data-para="${para}"]`)
      ?.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
  }

  const count = state.notes?.highlights.length ?? 0
  const toolbarButton: ReactNode = (
    <button
      type="button"
      className={open ? 'button ghost notes-toggle active' : 'button ghost notes-toggle'}
      aria-pressed={open}
      onClick={() => toggle(!open)}
      title={open ? t('notes.hidePanel') : t('notes.showPanel')}
      data-testid="notes-toggle"
    >
      ✎ {t('notes.panel')}
      {count > 0 && <span className="count"> {count}</span>}
    </button>
  )

  // the panel is there from the start (empty until the notes arrive), so the text does not
  // reflow under the reader's eyes (or mouse) when they do
  const aside: ReactNode =
    open && article ? (
      <NotesPanel
        article={article.id}
        notes={state.notes ?? NO_NOTES}
        setNotes={state.setNotes}
        versions={state.versions}
        changes={state.changes}
        activeId={activeId}
        focusNoteOf={focusNoteOf}
        onActivate={setActiveId}
        attaching={attaching}
        onAttach={setAttaching}
        markChanges={markChanges}
        onMarkChanges={(on) => {
          setMarkChanges(on)
          localStorage.setItem(MARKS_KEY, on ? 'on' : 'off')
        }}
        onJump={jump}
        onClose={() => toggle(false)}
        message={message}
        onMessage={setMessage}
      />
    ) : null

  return {
    /** How many highlights and notes the article has (deleting it deletes them). */
    count: count + (state.notes?.notes.length ?? 0),
    open: open && Boolean(article),
    decorations: layer.decorations,
    toolbarButton,
    aside,
    overlay: layer.toolbar,
    onTextClick,
  }
}
