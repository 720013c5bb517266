/** Writing text and HTML to the clipboard from a button (not from a copy event). */

/**
 * Puts both flavours on the clipboard. Uses the asynchronous Clipboard API where the page may
 * (Electron, a secure browser page), else a copy command whose event supplies the data.
 */
export async function writeClipboard(text: string, html: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ])
      return
    } catch {
      // refused (no permission, not focused): fall back to the copy command
    }
  }
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text)
    e.clipboardData?.setData('text/html', html)
    e.preventDefault()
    e.stopImmediatePropagation()
  }
  document.addEventListener('copy', onCopy, { capture: true, once: true })
  try {
    if (!document.execCommand('copy')) throw new Error('The clipboard is not available here.')
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true })
  }
}
