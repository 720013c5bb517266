import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { PopoverTarget } from './WordPopover'

const HOVER_DELAY = 500
const LEAVE_DELAY = 250

/**
 * Moves the keyboard focus to a word. Words are focusable only while focused: Chromium does
 * not start a text selection on a mouse drag that begins in a focusable element.
 */
export function focusWord(span: HTMLElement): void {
  span.tabIndex = -1
  span.addEventListener('blur', () => span.removeAttribute('tabindex'), { once: true })
  span.focus()
}

/**
 * Selects the words from `a` to `b` (in either order) as a text selection, as a drag with the
 * mouse would: Shift+arrows select words for a highlight or a copy with the keyboard.
 */
export function selectWords(a: HTMLElement, b: HTMLElement): void {
  const [first, last] =
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? [a, b] : [b, a]
  window.getSelection()?.setBaseAndExtent(first, 0, last, last.childNodes.length)
}

function wordOf(el: EventTarget | null): HTMLElement | null {
  return el instanceof Element ? el.closest<HTMLElement>('.w') : null
}

/** The word (or multi-word glossary term) a word span stands for, and where it is. */
function targetOf(span: HTMLElement, pinned: boolean): PopoverTarget {
  const term = span.dataset.term
  const multi = term !== undefined && term.includes(' ')
  // a multi-word term is explained as a whole, and the popover keeps clear of all its words
  let spans = [span]
  if (multi) {
    spans = [...(span.parentElement?.querySelectorAll<HTMLElement>('.w.term') ?? [])].filter(
      (s) => s.dataset.term === term && s.dataset.termStart === span.dataset.termStart,
    )
  }
  const rects = spans.map((s) => s.getBoundingClientRect())
  // the text the word stands in (soft hyphens removed: offsets are into the original text)
  const block = span.closest('p, h1, h2, li')
  const text = (block?.textContent ?? '').replace(/\u00ad/g, '')
  const start = Number(span.dataset.start)
  const from = Math.max(0, start - 600)
  const context =
    !multi && block && Number.isInteger(start)
      ? { text: text.slice(from, start + 600), offset: start - from }
      : undefined
  return {
    word: multi ? term : (span.dataset.word ?? span.textContent ?? ''),
    rect: {
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
    },
    pinned,
    context,
  }
}

/**
 * Every word in `container` can be looked up: hovering shows a preview after a short delay,
 * a click pins it; with the keyboard, the arrow keys move from word to word, Enter opens and
 * Escape closes (focus goes back to the word). `ready`: the words are on the page.
 */
export function useWordPopover(container: RefObject<HTMLElement | null>, ready: boolean) {
  const [target, setTarget] = useState<PopoverTarget | null>(null)
  const hoverTimer = useRef<number | undefined>(undefined)
  const leaveTimer = useRef<number | undefined>(undefined)
  const source = useRef<HTMLElement | null>(null)
  const pinnedRef = useRef(false)
  // the word a selection with Shift+arrows began at
  const selectingFrom = useRef<HTMLElement | null>(null)
  useEffect(() => {
    pinnedRef.current = target?.pinned ?? false
  }, [target])

  const close = useCallback((refocus = false) => {
    window.clearTimeout(hoverTimer.current)
    window.clearTimeout(leaveTimer.current)
    setTarget(null)
    if (refocus && source.current) focusWord(source.current)
  }, [])

  const open = useCallback((span: HTMLElement, pinned: boolean, keyboard = false) => {
    window.clearTimeout(hoverTimer.current)
    window.clearTimeout(leaveTimer.current)
    source.current = span
    setTarget({ ...targetOf(span, pinned), keyboard })
  }, [])

  /** Looks up another word (a compound part) in place of the current one, pinned. */
  const lookUp = useCallback((word: string) => {
    setTarget((t) => (t ? { ...t, word, pinned: true, context: undefined } : t))
  }, [])

  // the pointer leaving the popover closes an unpinned preview, entering it keeps it
  const keepOpen = useCallback(() => window.clearTimeout(leaveTimer.current), [])
  const leave = useCallback(() => {
    if (pinnedRef.current) return
    window.clearTimeout(leaveTimer.current)
    leaveTimer.current = window.setTimeout(
      () => setTarget((t) => (t?.pinned ? t : null)),
      LEAVE_DELAY,
    )
  }, [])

  useEffect(() => {
    const root = container.current
    if (!root) return
    // The preview starts when the pointer moves onto a word: a word that comes under a pointer
    // at rest because the page scrolled (the wheel, a jump to a highlight) gets a mouseover
    // from the browser, but no mousemove, and is not pointed at.
    let under: HTMLElement | null = null
    const onOver = (e: MouseEvent) => {
      const span = wordOf(e.target)
      if (span === under) return
      under = span
      if (!span || pinnedRef.current) return
      // no preview over text being selected (to highlight or copy it)
      if (window.getSelection()?.isCollapsed === false) return
      window.clearTimeout(hoverTimer.current)
      window.clearTimeout(leaveTimer.current)
      hoverTimer.current = window.setTimeout(() => open(span, false), HOVER_DELAY)
    }
    const onOut = (e: MouseEvent) => {
      if (!wordOf(e.target) || wordOf(e.relatedTarget) === wordOf(e.target)) return
      under = null
      window.clearTimeout(hoverTimer.current)
      leave()
    }
    const onClick = (e: MouseEvent) => {
      const span = wordOf(e.target)
      if (!span) return
      // selecting text (to copy or quote it) is not a lookup
      const selection = window.getSelection()
      if (selection && !selection.isCollapsed && selection.toString().trim()) return
      open(span, true)
    }
    const onKey = (e: KeyboardEvent) => {
      const span = wordOf(e.target)
      if (e.key === 'Enter' && span) {
        e.preventDefault()
        open(span, true, true)
        return
      }
      const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 8, ArrowUp: -8 }[e.key]
      if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return
      const words = [...root.querySelectorAll<HTMLElement>('.w')].filter((w) => w.offsetParent)
      if (words.length === 0) return
      const at = span ? words.indexOf(span) : -1
      if (!span && e.target !== root.querySelector('.article-body')) return
      e.preventDefault()
      const next = words[Math.max(0, Math.min(words.length - 1, at < 0 ? 0 : at + step))]!
      focusWord(next)
      // Shift: the words from where the selection began to this one are selected
      if (e.shiftKey && span) {
        if (!selectingFrom.current || window.getSelection()?.isCollapsed !== false)
          selectingFrom.current = span
        selectWords(selectingFrom.current, next)
      } else if (selectingFrom.current) {
        selectingFrom.current = null
        window.getSelection()?.removeAllRanges()
      }
      if (target) close()
    }
    root.addEventListener('mousemove', onOver)
    root.addEventListener('mouseout', onOut)
    root.addEventListener('click', onClick)
    root.addEventListener('keydown', onKey)
    return () => {
      root.removeEventListener('mousemove', onOver)
      root.removeEventListener('mouseout', onOut)
      root.removeEventListener('click', onClick)
      root.removeEventListener('keydown', onKey)
    }
  }, [container, ready, open, close, leave, target])

  // Escape closes, a press outside closes a pinned popover, scrolling moves the word away
  useEffect(() => {
    if (!target) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        close(true)
      }
    }
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Element && (e.target.closest('.popover') || wordOf(e.target))) return
      close()
    }
    const onScroll = (e: Event) => {
      if (e.target instanceof Element && e.target.closest('.popover')) return
      if (!target.pinned) close()
      else if (source.current)
        setTarget((t) => t && { ...targetOf(source.current!, true), word: t.word, keyboard: false })
    }
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('mousedown', onDown)
    window.addEventListener('scroll', onScroll, { passive: true, capture: true })
    window.addEventListener('resize', onScroll)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('mousedown', onDown)
      window.removeEventListener('scroll', onScroll, { capture: true })
      window.removeEventListener('resize', onScroll)
    }
  }, [target, close])

  useEffect(
    () => () => {
      window.clearTimeout(hoverTimer.current)
      window.clearTimeout(leaveTimer.current)
    },
    [],
  )

  return { target, close, lookUp, keepOpen, leave }
}
