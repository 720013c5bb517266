import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary, LibrarySort, OutletCount } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'

export interface LibraryQuery {
  sort: LibrarySort
  order: 'asc' | 'desc'
  outlet: string | null
  /** Articles with this tag (notes room). */
  tag: string | null
  /** Articles of this story (stories room). */
  story: number | null
}

const QUERY_KEY = 'lesesaal.libraryQuery'
/** Rows fetched with the ids, and per request as the list scrolls. */
const FIRST_ROWS = 80
const ROWS_PER_REQUEST = 100
/** While an import runs, the list follows it at most this often (batches of files arrive faster). */
const REFRESH_EVERY_MS = 600

function loadQuery(): LibraryQuery {
  try {
    const q = JSON.parse(localStorage.getItem(QUERY_KEY) ?? '') as Partial<LibraryQuery>
    return {
      sort: q.sort ?? 'published',
      order: q.order ?? 'desc',
      outlet: q.outlet ?? null,
      tag: q.tag ?? null,
      story: q.story ?? null,
    }
  } catch {
    return { sort: 'published', order: 'desc', outlet: null, tag: null, story: null }
  }
}

/**
 * What the list showed last, per connection to the core: the library page shows it at once
 * when it opens again (at 100,000 articles the fresh ids take a tenth of a second) and
 * replaces it, rows included, as soon as the fresh list arrives.
 */
const lastShown = new WeakMap<
  object,
  {
    key: string
    ids: number[]
    rows: ReadonlyMap<number, ArticleSummary>
    total: number
    samples: number
    outlets: OutletCount[]
  }
>()

/**
 * The article list for the current sort and filter. A library of 100,000 articles is not
 * fetched whole: the core sends the ids in order (and the first screenful of rows), and the
 * rows the list shows are fetched by id as it scrolls, a hundred at a time, and kept.
 * When the library changes the ids are fetched again, at most every 0.6 s during an import.
 */
export function useLibrary() {
  const api = useApi()
  const [query, setQueryState] = useState<LibraryQuery>(loadQuery)
  // coming back to the library: what it showed last, at once, until the fresh list arrives
  const [shown] = useState(() => {
    const last = lastShown.get(api)
    return last?.key === JSON.stringify(query) ? last : null
  })
  const [ids, setIds] = useState<number[] | null>(shown?.ids ?? null)
  const [outlets, setOutlets] = useState<OutletCount[]>(shown?.outlets ?? [])
  const [total, setTotal] = useState(shown?.total ?? 0)
  const [samples, setSamples] = useState(shown?.samples ?? 0)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  // rows by id; a new Map object when rows arrive, so the list renders them
  const [rows, setRows] = useState<ReadonlyMap<number, ArticleSummary>>(shown?.rows ?? new Map())
  const pending = useRef(new Set<number>())
  const lastRefresh = useRef(0)
  const refreshTimer = useRef<number | undefined>(undefined)
  /** Rows may have changed (not only new articles): fetch the shown rows again. */
  const stale = useRef(shown !== null)

  useEffect(() => {
    if (ids) lastShown.set(api, { key: JSON.stringify(query), ids, rows, total, samples, outlets })
  }, [api, query, ids, rows, total, samples, outlets])
  const outletsFor = useRef<{ version: number; list: OutletCount[] } | null>(null)

  useApiEvent(
    'library.changed',
    useCallback(({ reason }) => {
      if (reason !== 'import' && reason !== 'sample') stale.current = true
      window.clearTimeout(refreshTimer.current)
      const wait = Math.max(0, lastRefresh.current + REFRESH_EVERY_MS - Date.now())
      refreshTimer.current = window.setTimeout(() => setVersion((v) => v + 1), wait)
    }, []),
  )
  useEffect(() => () => window.clearTimeout(refreshTimer.current), [])

  useEffect(() => {
    let live = true
    lastRefresh.current = Date.now()
    // the rows first: the outlets (a count over every article) come on their own and never
    // hold up the list
    api
      .call('library.ids', { ...query, rows: FIRST_ROWS })
      .then((list) => {
        if (!live) return
        setRows((old) => {
          const next = new Map(stale.current ? [] : old)
          for (const r of list.rows) next.set(r.id, r)
          return next
        })
        stale.current = false
        pending.current.clear()
        setIds(list.ids)
        setTotal(list.total)
        setSamples(list.samples)
        setError(null)
      })
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
    }
  }, [api, query, version])

  // the outlets change with the library, not with the sort or filter
  useEffect(() => {
    let live = true
    const cached = outletsFor.current?.version === version ? outletsFor.current.list : null
    void (cached ? Promise.resolve(cached) : api.call('library.outlets', {}))
      .then((outletList) => {
        outletsFor.current = { version, list: outletList }
        if (!live) return
        setOutlets(outletList)
        // a filter for an outlet that no longer exists would hide everything
        setQueryState((q) =>
          q.outlet && !outletList.some((o) => o.name === q.outlet) ? { ...q, outlet: null } : q,
        )
      })
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
    }
  }, [api, version])

  /** Makes sure the rows of these ids are (being) fetched. */
  const need = useCallback(
    (wanted: number[]) => {
      const missing = wanted.filter((id) => !rows.has(id) && !pending.current.has(id))
      for (let i = 0; i < missing.length; i += ROWS_PER_REQUEST) {
        const chunk = missing.slice(i, i + ROWS_PER_REQUEST)
        for (const id of chunk) pending.current.add(id)
        api.call('library.rows', { ids: chunk }).then(
          (got) =>
            setRows((old) => {
              const next = new Map(old)
              for (const r of got) next.set(r.id, r)
              return next
            }),
          () => {
            for (const id of chunk) pending.current.delete(id)
          },
        )
      }
    },
    [api, rows],
  )

  const setQuery = useCallback((patch: Partial<LibraryQuery>) => {
    setQueryState((q) => {
      const next = { ...q, ...patch }
      localStorage.setItem(QUERY_KEY, JSON.stringify(next))
      return next
    })
  }, [])

  return {
    query,
    setQuery,
    ids,
    rows,
    need,
    outlets,
    total,
    samples,
    error,
    refresh: () => setVersion((v) => v + 1),
  }
}
