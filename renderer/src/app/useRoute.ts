import { useCallback, useEffect, useState } from 'react'

export interface SearchParams {
  query: string
  outlet: string | null
  from: string | null
  to: string | null
  /** With a date range, also articles dated only by month or year, or not at all. */
  uncertain?: boolean
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
  /** `highlight`: opened from the notes overview, the highlight to show (scrolled to, active). */
  | { view: 'article'; id: number; query: string | null; highlight?: number | null }
  | { view: 'glossary' }
  | { view: 'vocabulary' }
  | { view: 'review' }
  | { view: 'study' }
  | { view: 'stories' }
  | { view: 'story'; id: number }
  /** A story read in parallel: the articles shown, in column order. */
  | { view: 'parallel'; id: number; columns: number[] }
  /** An article beside its translation. */
  | { view: 'translation'; id: number }
  | { view: 'backups' }
  | { view: 'notes' }

/** Pages that are only a name (#/glossary, #/vocabulary …). */
const PAGES = ['glossary', 'vocabulary', 'review', 'study', 'stories', 'backups', 'notes'] as const

export function parseRoute(hash: string): Route {
  const [path, qs] = hash.replace(/^#/, '').split('?') as [string, string | undefined]
  const params = new URLSearchParams(qs ?? '')
  const article = /^\/article\/(\d+)$/.exec(path)
  if (article)
    return {
      view: 'article',
      id: Number(article[1]),
      query: params.get('q') || null,
      highlight: Number(params.get('hl')) || null,
    }
  const page = PAGES.find((p) => path === `/${p}`)
  if (page) return { view: page }
  const story = /^\/story\/(\d+)(\/read)?$/.exec(path)
  if (story?.[2]) {
    const columns = (params.get('cols') ?? '').split(',').filter((c) => /^\d+$/.test(c))
    return { view: 'parallel', id: Number(story[1]), columns: columns.map(Number) }
  }
  if (story) return { view: 'story', id: Number(story[1]) }
  const translation = /^\/article\/(\d+)\/translation$/.exec(path)
  if (translation) return { view: 'translation', id: Number(translation[1]) }
  if (path === '/search') {
    return {
      view: 'search',
      search: {
        query: params.get('q') ?? '',
        outlet: params.get('outlet'),
        from: params.get('from'),
        to: params.get('to'),
        uncertain: params.get('uncertain') === '1',
        tag: params.get('tag'),
        story: Number(params.get('story')) || null,
      },
    }
  }
  return { view: 'library' }
}

export function routeHash(route: Route): string {
  if (route.view === 'article') {
    const params = new URLSearchParams()
    if (route.query) params.set('q', route.query)
    if (route.highlight) params.set('hl', String(route.highlight))
    return `#/article/${route.id}${params.size ? `?${params}` : ''}`
  }
  if ((PAGES as readonly string[]).includes(route.view)) return `#/${route.view}`
  if (route.view === 'story') return `#/story/${route.id}`
  if (route.view === 'parallel')
    return `#/story/${route.id}/read${route.columns.length ? `?cols=${route.columns.join(',')}` : ''}`
  if (route.view === 'translation') return `#/article/${route.id}/translation`
  if (route.view === 'search') {
    const params = new URLSearchParams({ q: route.search.query })
    for (const key of ['outlet', 'from', 'to', 'tag'] as const)
      if (route.search[key]) params.set(key, route.search[key]!)
    if (route.search.uncertain && (route.search.from || route.search.to))
      params.set('uncertain', '1')
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
