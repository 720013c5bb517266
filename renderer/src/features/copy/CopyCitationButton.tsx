import { useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { cite, type CitedArticle } from './citation'
import { writeClipboard } from './clipboard'
import { selectionText } from './selection'

/**
 * "Copy with citation": the text selected in `within` (or, without a selection, just the
 * reference) with outlet, title, date and address. The last selection made inside `within`
 * counts, so moving to the button by keyboard does not lose it.
 */
export function CopyCitationButton({
  article,
  within,
}: {
  article: CitedArticle
  within: RefObject<HTMLElement | null>
}) {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const lastQuote = useRef('')
  const timer = useRef<number | undefined>(undefined)

  useEffect(() => {
    const remember = () => {
      const sel = window.getSelection()
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return
      const node = sel.getRangeAt(0).commonAncestorContainer
      if (within.current?.contains(node)) lastQuote.current = selectionText(sel)
    }
    document.addEventListener('selectionchange', remember)
    return () => {
      document.removeEventListener('selectionchange', remember)
      window.clearTimeout(timer.current)
    }
  }, [within])

  const copy = async () => {
    const sel = window.getSelection()
    const inside =
      sel && !sel.isCollapsed && sel.rangeCount > 0
        ? within.current?.contains(sel.getRangeAt(0).commonAncestorContainer)
        : false
    const quote = inside ? selectionText(sel) : lastQuote.current
    const { text, html } = cite(quote, article, i18n.resolvedLanguage ?? 'de')
    try {
      await writeClipboard(text, html)
      setState('copied')
    } catch {
      setState('failed')
    }
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setState('idle'), 2500)
  }

  return (
    <>
      <button
        type="button"
        className="button ghost"
        onClick={() => void copy()}
        title={t('copy.citeHint')}
        data-testid="copy-citation"
      >
        {t('copy.cite')}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  )
}
