import { useEffect, useMemo, useState } from 'react'
import type { ArticleMatches } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'

/** Where the marks of each part of the article start in the page-wide numbering. */
export interface MarkLayout {
  total: number
  title: number
  paragraphs: number[]
  comments: number[]
  /** The first mark that is in a reader comment. */
  firstComment: number
}

function layout(m: ArticleMatches): MarkLayout {
  let n = m.title.length
  const paragraphs = m.paragraphs.map((r) => {
    const start = n
    n += r.length
    return start
  })
  const firstComment = n
  const comments = m.comments.map((r) => {
    const start = n
    n += r.length
    return start
  })
  return { total: n, title: 0, paragraphs, comments, firstComment }
}

/**
 * Finding in one article: the same German-aware matching as the search (inflected forms and
 * compounds), the page-wide numbering of the marks, and the current one.
 */
export function useFind(id: number, initial: string | null) {
  const api = useApi()
  const [query, setQuery] = useState(initial ?? '')
  const [matches, setMatches] = useState<ArticleMatches | null>(null)
  const [current, setCurrent] = useState(0)

  useEffect(() => {
    const q = query.trim()
    let live = true
    const timer = setTimeout(
      () => {
        if (!q) {
          setMatches(null)
          return
        }
        api.call('search.matches', { id, query: q }).then(
          (m) => {
            if (!live) return
            setMatches(m)
            setCurrent(0)
          },
          () => live && setMatches(null),
        )
      },
      q ? 150 : 0,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, id, query])

  const marks = useMemo(() => (matches ? layout(matches) : null), [matches])
  const total = marks?.total ?? 0
  return {
    query,
    setQuery,
    matches,
    marks,
    current: total ? Math.min(current, total - 1) : -1,
    next: () => total && setCurrent((c) => (c + 1) % total),
    previous: () => total && setCurrent((c) => (c - 1 + total) % total),
  }
}
