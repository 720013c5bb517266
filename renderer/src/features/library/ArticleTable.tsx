import { useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleSummary } from '../../../../shared/types'
import { formatNumber, formatPublished } from '../../components/format'
import type { Selection } from './useSelection'

/**
 * Every row is this tall (px; `--library-row` in library.css says the same): one line each,
 * a long title ends in "…". Rows of one height need no measuring: a new order at 100,000
 * articles does not make the list compute 100,000 positions again (about 15 ms per sort).
 */
export const ROW_HEIGHT = 48
const PAGE = 10

/**
 * Where the list was when an article was opened from it: coming back (the back button, the
 * reader's "back to the library") shows the same place with that article's row focused, not
 * the top of a list of thousands. One per window; kept until the list is shown again.
 */
const openedFrom: { place: { id: number; scrollY: number } | null } = { place: null }
const rememberPlace = (id: number) => (openedFrom.place = { id, scrollY: window.scrollY })

/**
 * The library's articles as a table that renders only the rows near the window's view
 * (TanStack Virtual; spacer rows above and below keep the scroll height and the table's
 * columns), with a checkbox column for multi-select. Keyboard: arrow keys move between rows,
 * Shift+arrows extend the selection, Space selects, Enter opens, Home/End, Page Up/Down,
 * Escape clears the selection. Shift+click selects a range, Ctrl/Cmd+click one more, a plain
 * click opens the article.
 */
export function ArticleTable({
  ids,
  rows,
  need,
  extra,
  selection,
  onOpen,
}: {
  ids: readonly number[]
  rows: ReadonlyMap<number, ArticleSummary>
  need: (ids: number[]) => void
  /** A column another feature adds after the word count (study: the share of unknown words). */
  extra?: { header: string; cell: (id: number) => ReactNode; testId: string }
  selection: Selection
  onOpen: (id: number) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const columns = extra ? 6 : 5
  const body = useRef<HTMLTableSectionElement>(null)
  const [margin, setMargin] = useState(0)
  const [focusState, setFocus] = useState(0)
  const focus = Math.max(0, Math.min(focusState, ids.length - 1))
  const moved = useRef(false)
  const open = (id: number) => {
    rememberPlace(id)
    onOpen(id)
  }

  const selectedCount = selection.selected.size
  // where the rows start on the page: what the virtualizer measures the window's scroll from
  // (checked again when a selection bar or notice above the table may have moved it)
  useLayoutEffect(() => {
    const top = Math.max(0, (body.current?.getBoundingClientRect().top ?? 0) + window.scrollY)
    if (Math.abs(top - margin) > 0.5) setMargin(top)
  }, [margin, ids, selectedCount])

  const virtualizer = useWindowVirtualizer({
    count: ids.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: margin,
    // rows are keyed by position, not by article, and never measured (they are all
    // ROW_HEIGHT tall): a new order of the same length keeps the virtualizer's positions
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  // the rows on screen (and a little around) are fetched by id
  useEffect(() => {
    if (last >= first) need(ids.slice(first, last + 1) as number[])
  }, [first, last, ids, need])

  // back from an article: the same place, its row focused (once the list has its ids)
  useEffect(() => {
    const place = openedFrom.place
    if (!place || ids.length === 0) return
    const frame = requestAnimationFrame(() => {
      openedFrom.place = null
      const index = ids.indexOf(place.id)
      if (index < 0) return
      window.scrollTo(0, place.scrollY)
      moved.current = true
      setFocus(index)
      virtualizer.scrollToIndex(index, { align: 'auto' })
    })
    return () => cancelAnimationFrame(frame)
  }, [ids, virtualizer])

  // after a keyboard move, the row (rendered now) takes the focus
  useEffect(() => {
    if (!moved.current) return
    const row = body.current?.querySelector<HTMLElement>(`tr[data-index="${focus}"]`)
    if (row) {
      moved.current = false
      row.focus({ preventScroll: true })
    }
  }, [focus, items])

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(ids.length - 1, index))
    const id = ids[next]
    if (id === undefined) return
    if (extend) selection.extendTo(id, true)
    else selection.setAnchor(id)
    moved.current = true
    setFocus(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.target instanceof HTMLInputElement && e.key === ' ') return // the checkbox itself
    const id = ids[focus]
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: PAGE,
      PageUp: -PAGE,
      Home: -ids.length,
      End: ids.length,
    }
    if (e.key in step) {
      e.preventDefault()
      moveTo(focus + step[e.key]!, e.shiftKey)
    } else if (e.key === ' ' && id !== undefined) {
      e.preventDefault()
      selection.toggle(id)
    } else if (e.key === 'Enter' && id !== undefined && !(e.target instanceof HTMLAnchorElement)) {
      e.preventDefault()
      open(id)
    } else if (e.key === 'Escape' && selection.selected.size > 0) {
      e.preventDefault()
      selection.clear()
    }
  }

  const all = ids.length > 0 && selection.selected.size === ids.length
  const some = selection.selected.size > 0 && !all
  const top = items.length ? items[0]!.start - margin : 0
  const bottom = items.length
    ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - margin)
    : 0

  return (
    <table
      className="article-table"
      role="grid"
      aria-multiselectable="true"
      aria-rowcount={ids.length + 1}
      aria-label={t('library.heading')}
    >
      <colgroup>
        <col className="col-select" />
        <col />
        <col className="col-outlet" />
        <col className="col-date" />
        <col className="col-words" />
        {extra && <col className="col-extra" />}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="select-cell">
            <input
              type="checkbox"
              checked={all}
              ref={(el) => {
                if (el) el.indeterminate = some
              }}
              onChange={() => (all || some ? selection.clear() : selection.selectAll())}
              aria-label={t('library.selection.all')}
              data-testid="select-all"
            />
          </th>
          <th scope="col">{t('library.columns.title')}</th>
          <th scope="col">{t('library.columns.outlet')}</th>
          <th scope="col">{t('library.columns.date')}</th>
          <th scope="col" className="num">
            {t('library.columns.words')}
          </th>
          {extra && (
            <th scope="col" className="num">
              {extra.header}
            </th>
          )}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {top > 0 && (
          <tr className="spacer-row" aria-hidden="true" style={{ height: top }}>
            <td colSpan={columns} />
          </tr>
        )}
        {items.map((item) => {
          const id = ids[item.index]!
          const a = rows.get(id)
          const selected = selection.selected.has(id)
          const common = {
            'data-index': item.index,
            tabIndex: item.index === focus ? 0 : -1,
            'aria-rowindex': item.index + 2,
            'aria-selected': selected,
            onFocus: () => setFocus(item.index),
          }
          if (!a)
            return (
              <tr key={item.key} {...common} className="loading-row">
                <td colSpan={columns} className="muted">
                  …
                </td>
              </tr>
            )
          return (
            <tr
              key={item.key}
              {...common}
              className={selected ? 'selected' : undefined}
              data-testid="article-row"
              data-id={id}
              onClick={(e) => {
                if (e.target instanceof HTMLAnchorElement || e.target instanceof HTMLInputElement)
                  return
                if (e.shiftKey) selection.extendTo(id, true)
                else if (e.ctrlKey || e.metaKey) selection.toggle(id)
                // anywhere else on the row opens the article, unless text is being selected
                else if (!window.getSelection()?.toString()) open(id)
              }}
            >
              <td className="select-cell">
                <input
                  type="checkbox"
                  checked={selected}
                  tabIndex={-1}
                  onChange={() => {}}
                  onClick={(e) => {
                    if (e.shiftKey) selection.extendTo(id, true)
                    else selection.toggle(id)
                  }}
                  aria-label={t('library.selection.one', { title: a.title })}
                />
              </td>
              <td className="title-cell">
                <div className="title-line">
                  {a.kicker && <span className="kicker">{a.kicker}</span>}
                  <a
                    href={`#/article/${a.id}`}
                    lang="de"
                    tabIndex={-1}
                    title={a.kicker ? `${a.kicker}: ${a.title}` : a.title}
                    onClick={(e) => {
                      // Shift and Ctrl/Cmd select, as on the rest of the row
                      e.preventDefault()
                      if (e.shiftKey) selection.extendTo(id, true)
                      else if (e.ctrlKey || e.metaKey) selection.toggle(id)
                      else open(a.id)
                    }}
                  >
                    {a.title}
                  </a>
                  {a.sample && <span className="badge sample-badge">{t('library.sample')}</span>}
                  {a.commentCount > 0 && (
                    <span className="badge">
                      {t('library.comments', { count: a.commentCount })}
                    </span>
                  )}
                </div>
              </td>
              <td
                className={a.outlet ? 'outlet-cell' : 'outlet-cell muted'}
                title={a.outlet ?? undefined}
              >
                {a.outlet ?? t('library.noOutlet')}
              </td>
              <td className={a.published ? 'date' : 'date muted'}>
                {formatPublished(a.published, lang, 'short') ?? t('library.noDate')}
              </td>
              <td className="num">{formatNumber(a.words, lang)}</td>
              {extra && (
                <td className="num unknown" data-testid={extra.testId}>
                  {extra.cell(id)}
                </td>
              )}
            </tr>
          )
        })}
        {bottom > 0 && (
          <tr className="spacer-row" aria-hidden="true" style={{ height: bottom }}>
            <td colSpan={columns} />
          </tr>
        )}
      </tbody>
    </table>
  )
}
