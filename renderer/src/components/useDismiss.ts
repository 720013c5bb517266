import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

/**
 * While `open`, a menu closes on Escape (focus goes back to `button`, when given), on a press
 * outside `root`, when the focus moves out of it (Tab) and when the page changes (back,
 * forward, a link): it never stays open over another page.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  root: RefObject<HTMLElement | null>,
  button?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return
    const onEvent = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return
        close()
        button?.current?.focus()
      } else if (!root.current?.contains(e.target as Node)) close()
    }
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) close()
    }
    window.addEventListener('mousedown', onEvent)
    window.addEventListener('keydown', onEvent)
    window.addEventListener('focusin', onFocus)
    window.addEventListener('hashchange', close)
    return () => {
      window.removeEventListener('mousedown', onEvent)
      window.removeEventListener('keydown', onEvent)
      window.removeEventListener('focusin', onFocus)
      window.removeEventListener('hashchange', close)
    }
  }, [open, close, root, button])
}

/**
 * A menu's state: whether it is open, and the refs of its root and its button, dismissed as
 * `useDismiss` says.
 */
export function useMenu() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useDismiss(
    open,
    useCallback(() => setOpen(false), []),
    root,
    button,
  )
  return { open, setOpen, root, button }
}
