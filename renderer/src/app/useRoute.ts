import { useCallback, useEffect, useState } from 'react'

/** Where the user is: the library, or one article. Kept in the URL hash so back/forward work. */
export type Route = { view: 'library' } | { view: 'article'; id: number }

export function parseRoute(hash: string): Route {
  const m = /^#\/article\/(\d+)$/.exec(hash)
  return m ? { view: 'article', id: Number(m[1]) } : { view: 'library' }
}

export function routeHash(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : '#/'
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next)
    if (window.location.hash !== hash) window.location.hash = hash
    setRoute(next)
  }, [])
  return [route, navigate]
}
