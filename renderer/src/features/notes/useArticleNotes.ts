/**
 * Everything the reader shows about one article's notes: highlights, notes on the article,
 * its tags, its versions and what changed in the newest one. Reloaded when the notes or the
 * article change (here, in another window, or by the CLI on the same library).
 */
import { useCallback, useEffect, useState } from 'react'
import type { ArticleNotes, HighlightColor } from '../../../../shared/contract/notes'
import type { ArticleChanges, ArticleVersion } from '../../../../shared/contract/versions'
import type { TextRange } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'

export function useArticleNotes(id: number | null) {
  const api = useApi()
  const [notes, setNotes] = useState<ArticleNotes | null>(null)
  const [versions, setVersions] = useState<ArticleVersion[]>([])
  const [changes, setChanges] = useState<ArticleChanges | null>(null)
  const [version, setVersion] = useState(0)
  const [textVersion, setTextVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useApiEvent(
    'notes.changed',
    useCallback(({ article }) => (article === null || article === id) && reload(), [id, reload]),
  )
  useApiEvent(
    'library.changed',
    useCallback(({ reason }) => {
      if (reason === 'update' || reason === 'external') setTextVersion((v) => v + 1)
    }, []),
  )

  useEffect(() => {
    if (id === null) return
    let live = true
    api.call('notes.article', { id }).then(
      (n) => live && setNotes(n),
      () => live && setNotes({ highlights: [], notes: [], tags: [] }),
    )
    return () => {
      live = false
    }
  }, [api, id, version, textVersion])

  useEffect(() => {
    if (id === null) return
    let live = true
    api.call('article.versions', { id }).then(
      (v) => {
        if (!live) return
        setVersions(v)
        if (v.length > 1)
          api.call('article.changes', { id }).then(
            (c) => live && setChanges(c),
            () => live && setChanges(null),
          )
        else setChanges(null)
      },
      () => live && setVersions([]),
    )
    return () => {
      live = false
    }
  }, [api, id, textVersion])

  const createHighlight = useCallback(
    async (range: TextRange, color: HighlightColor) => {
      if (id === null) return null
      const h = await api.call('highlight.create', { article: id, ...range, color })
      setNotes((n) => (n ? { ...n, highlights: sortByStart([...n.highlights, h]) } : n))
      return h
    },
    [api, id],
  )

  return { notes, setNotes, versions, changes, reload, textVersion, createHighlight }
}

export function sortByStart<T extends { start: number; id: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.start - b.start || a.id - b.id)
}
