/**
 * Every copy in the window gives clean text (issue 12): a `copy` handler on the document
 * replaces what the browser would put on the clipboard with the selection rebuilt from the
 * words (`selection.ts`), in the plain and the HTML flavour, without soft hyphens or other
 * invisible marks. Installed once by the app shell, it covers the reader, popovers, the
 * parallel view and any view added later; nothing to do for a new view that shows word spans.
 *
 * Text fields keep the browser's own copy (their selection is not the document's).
 */
import { useEffect } from 'react'
import { hasInvisibles, paragraphsHtml } from './cleanText'
import { selectionText } from './selection'

/** Puts clean text on the clipboard for a copy of the page's selection; false to leave it be. */
export function handleCopy(e: ClipboardEvent): boolean {
  const target = e.target
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
    return false
  const selection = window.getSelection()
  if (!e.clipboardData || !selection || selection.isCollapsed) return false
  const text = selectionText(selection)
  if (!text) return false
  e.clipboardData.setData('text/plain', text)
  e.clipboardData.setData('text/html', paragraphsHtml(text))
  e.preventDefault()
  return !hasInvisibles(text)
}

/** Installs the clean copy handler on the document for the component's lifetime. */
export function useCleanCopy(): void {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => void handleCopy(e)
    document.addEventListener('copy', onCopy)
    return () => document.removeEventListener('copy', onCopy)
  }, [])
}
