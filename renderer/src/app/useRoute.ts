import { useCallback, useEffect, useState } from 'react'

export interface SearchParams {
  query: string
  outlet: string | null
  from: string | null
  to: string | null
  tag?: string | null
  story?: number | null
}

/**
 * Where the user is: the library, search results, or one article (opened from a search, it
 * carries the query to highlight). Kept in the URL hash so back and forward work.
 */
export type Route =
  | { view: 'library' }
  | { view: 'search'; search: SearchParams }
  | { view: 'article'; id: number; query: string | null }
  | { view: 'glossary' }
  | { view: 'notes' }

export function parseRoute(hash: string): Route {
  const [path, qs] = hash.replace(/^#/, '').split('?') as [string, string | undefined]
  const params = new URLSearchParams(qs ?? '')
  const article = /^\/article\/(\d+)$/.exec(path)
  if (article) return { view: 'article', id: Number(article[1]), query: params.get('q') || null }
  if (path === '/glossary') return { view: 'glossary' }
  if (path === '/notes') return { view: 'notes' }
  if (path === '/search') {
    return {
      view: 'search',
      search: {
        query: params.get('q') ?? '',
        outlet: params.get('outlet'),
        from: params.get('from'),
        to: params.get('to'),
        tag: params.get('tag'),
        story: Number(params.get('story')) || null,
      },
    }
  }
  return { view: 'library' }
}

export function routeHash(route: Route): string {
  if (route.view === 'article')
    return `#/article/${route.id}${route.query ? `?${new URLSearchParams({ q: route.query })}` : ''}`
  if (route.view === 'glossary') return '#/glossary'
  if (route.view === 'notes') return '#/notes'
  if (route.view === 'search') {
    const params = new URLSearchParams({ q: route.search.query })
    for (const key of ['outlet', 'from', 'to', 'tag'] as const)
      if (route.search[key]) params.set(key, route.search[key]!)
    if (route.search.story) params.set('story', String(route.search.story))
    return `#/search?${params}`
  }
  return '#/'
}

export function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const navigate = useCallback((next: Route, replace = false) => {
    const hash = routeHash(next)
    if (window.location.hash !== hash) {
      // typing a query replaces the history entry instead of adding one per keystroke
      if (replace) history.replaceState(null, '', hash)
      else window.location.hash = hash
    }
    setRoute(next)
  }, [])
  return [route, navigate]
}
