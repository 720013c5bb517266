import { useCallback, useEffect, useState } from 'react'
import type { ArticleSummary, LibrarySort, OutletCount } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'

export interface LibraryQuery {
  sort: LibrarySort
  order: 'asc' | 'desc'
  outlet: string | null
  /** Articles with this tag (notes room). */
  tag: string | null
}

const QUERY_KEY = 'lesesaal.libraryQuery'

function loadQuery(): LibraryQuery {
  try {
    const q = JSON.parse(localStorage.getItem(QUERY_KEY) ?? '') as Partial<LibraryQuery>
    return {
      sort: q.sort ?? 'published',
      order: q.order ?? 'desc',
      outlet: q.outlet ?? null,
      tag: q.tag ?? null,
    }
  } catch {
    return { sort: 'published', order: 'desc', outlet: null, tag: null }
  }
}

/** The article list for the current sort and filter, refreshed when the library changes. */
export function useLibrary() {
  const api = useApi()
  const [query, setQueryState] = useState<LibraryQuery>(loadQuery)
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [outlets, setOutlets] = useState<OutletCount[]>([])
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useApiEvent(
    'library.changed',
    useCallback(() => setVersion((v) => v + 1), []),
  )

  useEffect(() => {
    let live = true
    Promise.all([
      api.call('library.list', query),
      api.call('library.outlets', {}),
      api.call('app.info', {}),
    ])
      .then(([list, outletList, info]) => {
        if (!live) return
        setArticles(list)
        setOutlets(outletList)
        setTotal(info.articleCount)
        setError(null)
        // a filter for an outlet that no longer exists would hide everything
        if (query.outlet && !outletList.some((o) => o.name === query.outlet))
          setQueryState((q) => ({ ...q, outlet: null }))
      })
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
    }
  }, [api, query, version])

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
    articles,
    outlets,
    total,
    error,
    refresh: () => setVersion((v) => v + 1),
  }
}
