import { useEffect, useRef, type ReactNode } from 'react'

/** What Tab stops at. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: Escape and the backdrop close it, focus moves in, stays in (Tab and
 * Shift+Tab go round its fields and buttons, never to the page behind) and comes back.
 */
export function Modal({
  title,
  onClose,
  children,
  labelledBy = 'modal-title',
}: {
  title: string
  onClose: () => void
  children: ReactNode
  labelledBy?: string
}) {
  const panel = useRef<HTMLDivElement>(null)
  // the latest onClose, so a new function per render does not move the focus back each time
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = panel.current?.querySelector<HTMLElement>('textarea, input, button, [tabindex]')
    first?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        closeRef.current()
      } else if (e.key === 'Tab' && panel.current) {
        const stops = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
        if (stops.length === 0) return
        const at = stops.indexOf(document.activeElement as HTMLElement)
        const wrap = e.shiftKey ? at <= 0 : at === stops.length - 1 || at < 0
        if (!wrap) return
        e.preventDefault()
        stops[e.shiftKey ? stops.length - 1 : 0]!.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      if (!previous?.isConnected) return
      // a word of the text is focusable only while it has the focus (see focusWord)
      if (!previous.hasAttribute('tabindex') && previous.tabIndex < 0) {
        previous.tabIndex = -1
        previous.addEventListener('blur', () => previous.removeAttribute('tabindex'), {
          once: true,
        })
      }
      previous.focus?.()
    }
  }, [])
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        ref={panel}
      >
        <h2 id={labelledBy} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}
