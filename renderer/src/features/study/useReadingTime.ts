import { useEffect } from 'react'
import { useApi } from '../../api/ApiContext'

/** A second counts as reading while the page is visible and the reader did something lately. */
const IDLE_MS = 90_000
const FLUSH_SECONDS = 30

/**
 * Counts the time spent reading an article (visible, with activity in the last minute and a
 * half) and reports it to the library every half minute and when the article is left.
 */
export function useReadingTime(articleId: number): void {
  const api = useApi()
  useEffect(() => {
    let last = Date.now()
    let pending = 0
    const active = () => {
      last = Date.now()
    }
    const flush = () => {
      const seconds = Math.min(600, pending)
      pending -= seconds
      if (seconds >= 1) void api.call('study.reading', { id: articleId, seconds }).catch(() => {})
    }
    const tick = window.setInterval(() => {
      if (document.visibilityState === 'visible' && Date.now() - last < IDLE_MS) pending++
      if (pending >= FLUSH_SECONDS) flush()
    }, 1000)
    const events = ['scroll', 'keydown', 'pointermove', 'wheel', 'pointerdown'] as const
    for (const e of events) window.addEventListener(e, active, { passive: true, capture: true })
    return () => {
      window.clearInterval(tick)
      for (const e of events) window.removeEventListener(e, active, { capture: true })
      flush()
    }
  }, [api, articleId])
}
