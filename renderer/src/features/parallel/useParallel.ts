/**
 * The parallel view's behaviour, on the DOM of its columns (highlighting is done with
 * classes, not by rendering the columns again: an article has thousands of word spans).
 * - The active sentence (pointer or focus) and its partners are marked; partners out of
 *   sight are scrolled into view in their column, level with the active sentence.
 * - Scrolling one column scrolls the others to the partner of its first visible sentence.
 * - Keys: ↑/↓ sentence to sentence, ←/→ to the partner in the neighbouring column, N / ⇧N to
 *   the next / previous "only here", Enter into the words (for the glossary), Escape back.
 *   In a column reached with Tab they start at its first visible sentence; the view opens with
 *   the first column focused when nothing else holds the focus.
 */
import { focusWord } from '../glossary/useWordPopover'
import { useEffect, useRef, type RefObject } from 'react'
import type { SentenceRef } from '../../../../shared/contract/align'
import { partnerIn, refKey, type ColumnModel } from './model'

/** The keys that move between sentences (see the header). */
const SENTENCE_KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'n',
  'N',
  'Enter',
])

const sentenceOf = (el: EventTarget | null) =>
  el instanceof Element ? el.closest<HTMLElement>('.sent') : null

function parseRef(key: string): SentenceRef {
  const [id, sentence] = key.split(':').map(Number)
  return { id: id!, sentence: sentence! }
}

export function useParallel(
  root: RefObject<HTMLElement | null>,
  model: ColumnModel | null,
  columns: readonly number[],
) {
  const active = useRef<string | null>(null)
  const syncing = useRef(0)

  useEffect(() => {
    const container = root.current
    if (!container || !model) return
    const el = (key: string) => container.querySelector<HTMLElement>(`.sent[data-ref="${key}"]`)
    const bodyOf = (s: HTMLElement) => s.closest<HTMLElement>('.pcol-body')

    const mark = (key: string | null, scroll: boolean) => {
      if (key === active.current) return
      container.querySelectorAll('.sent.active, .sent.partner').forEach((n) => {
        n.classList.remove('active', 'partner')
      })
      active.current = key
      if (!key) return
      const self = el(key)
      self?.classList.add('active')
      const partners = model.partners.get(key) ?? []
      for (const p of partners) el(refKey(p))?.classList.add('partner')
      if (!scroll || !self) return
      // the best partner in each other column comes level with the active sentence
      const selfBody = bodyOf(self)
      if (!selfBody) return
      const level = self.getBoundingClientRect().top - selfBody.getBoundingClientRect().top
      for (const column of columns) {
        if (column === parseRef(key).id) continue
        const best = partners.find((p) => p.id === column)
        const target = best && el(refKey(best))
        const body = target && bodyOf(target)
        if (!target || !body) continue
        const r = target.getBoundingClientRect()
        const b = body.getBoundingClientRect()
        if (r.top >= b.top && r.bottom <= b.bottom) continue
        syncing.current = performance.now()
        body.scrollTo({ top: body.scrollTop + (r.top - b.top) - level })
      }
    }

    const onOver = (e: MouseEvent) => {
      const s = sentenceOf(e.target)
      if (s?.dataset.ref) mark(s.dataset.ref, true)
    }
    const onFocus = (e: FocusEvent) => {
      const s = sentenceOf(e.target)
      if (s?.dataset.ref) mark(s.dataset.ref, true)
    }

    const focusKey = (key: string | null | undefined) => {
      if (!key) return
      const target = el(key)
      if (!target) return
      target.focus({ preventScroll: true })
      target.scrollIntoView?.({ block: 'nearest' })
      mark(key, true)
    }
    // with "only differences" on, the paired sentences are hidden and skipped
    const sentencesIn = (column: number) => [
      ...container.querySelectorAll<HTMLElement>(
        `.pcol[data-article="${column}"] .sent${container.classList.contains('only-diff') ? '.only' : ''}`,
      ),
    ]

    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const word = e.target instanceof Element ? e.target.closest<HTMLElement>('.w') : null
      if (word && e.key === 'Escape' && !document.querySelector('.popover')) {
        sentenceOf(word)?.focus()
        return
      }
      const s = sentenceOf(e.target)
      // a column reached with Tab: the sentence keys start at its first visible sentence
      const column = e.target instanceof HTMLElement ? e.target : null
      if (!s && column?.classList.contains('pcol-body') && SENTENCE_KEYS.has(e.key)) {
        const top = column.getBoundingClientRect().top
        const list = sentencesIn(Number(column.closest<HTMLElement>('.pcol')?.dataset.article))
        const first = list.find((n) => n.getBoundingClientRect().bottom > top + 4) ?? list[0]
        if (first) {
          e.preventDefault()
          focusKey(first.dataset.ref)
        }
        return
      }
      if (!s || word || !s.dataset.ref) return
      const here = parseRef(s.dataset.ref)
      const list = sentencesIn(here.id)
      const at = list.indexOf(s)
      const key = e.key
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        e.preventDefault()
        const next =
          list[Math.max(0, Math.min(list.length - 1, at + (key === 'ArrowDown' ? 1 : -1)))]
        focusKey(next?.dataset.ref)
      } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
        e.preventDefault()
        const col = columns.indexOf(here.id)
        const other = columns[col + (key === 'ArrowRight' ? 1 : -1)]
        if (other === undefined) return
        const partner = partnerIn(model, here, other)
        if (partner) return focusKey(refKey(partner))
        // no partner there: the sentence at the same relative place
        const theirs = sentencesIn(other)
        const i = Math.round((at / Math.max(1, list.length - 1)) * (theirs.length - 1))
        focusKey(theirs[i]?.dataset.ref)
      } else if (key === 'n' || key === 'N') {
        e.preventDefault()
        const all = columns.flatMap((c) => sentencesIn(c))
        const me = all.indexOf(s)
        const step = e.shiftKey ? -1 : 1
        for (let k = 1; k <= all.length; k++) {
          const candidate = all[(me + step * k + all.length * k) % all.length]!
          if (candidate.classList.contains('only')) return focusKey(candidate.dataset.ref)
        }
      } else if (key === 'Enter') {
        const first = s.querySelector<HTMLElement>('.w')
        if (first) {
          e.preventDefault()
          focusWord(first)
        }
      }
    }

    // scroll sync: the first visible sentence with a partner anchors the other columns
    let frame = 0
    const onScroll = (e: Event) => {
      const body = e.target instanceof HTMLElement ? e.target : null
      if (!body?.classList.contains('pcol-body')) return
      if (performance.now() - syncing.current < 120) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const top = body.getBoundingClientRect().top
        const anchor = [...body.querySelectorAll<HTMLElement>('.sent.paired')].find(
          (s) => s.getBoundingClientRect().bottom > top + 4,
        )
        if (!anchor?.dataset.ref) return
        const level = anchor.getBoundingClientRect().top - top
        const from = parseRef(anchor.dataset.ref)
        for (const column of columns) {
          if (column === from.id) continue
          const partner = partnerIn(model, from, column)
          const target = partner && el(refKey(partner))
          const other = target && bodyOf(target)
          if (!target || !other) continue
          syncing.current = performance.now()
          other.scrollTop +=
            target.getBoundingClientRect().top - other.getBoundingClientRect().top - level
        }
      })
    }

    // opened from a button that is gone now (keyboard users): into the first column
    if (document.activeElement === document.body || document.activeElement === null)
      container.querySelector<HTMLElement>('.pcol-body')?.focus({ preventScroll: true })

    container.addEventListener('mouseover', onOver)
    container.addEventListener('focusin', onFocus)
    container.addEventListener('keydown', onKey)
    container.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      cancelAnimationFrame(frame)
      container.removeEventListener('mouseover', onOver)
      container.removeEventListener('focusin', onFocus)
      container.removeEventListener('keydown', onKey)
      container.removeEventListener('scroll', onScroll, { capture: true })
      active.current = null
    }
  }, [root, model, columns])
}
