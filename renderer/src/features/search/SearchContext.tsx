/**
 * The search shared by the search field in the top bar and the results view: the current
 * query and filters (from the address), results as you type, and the selected result.
 *
 * Each keystroke's search replaces the one before: a search still running when the next
 * one starts is aborted (browser mode drops it unanswered), and a late answer is never shown.
 * The last word, not yet followed by a space, is sent as being typed (`asYouType`): the core
 * also matches the words it begins. When the library changes (here or in another process),
 * the results are searched again.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import type { SearchResults } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { ApiCallError } from '../../api/client'
import type { SearchParams } from '../../app/useRoute'

interface SearchState {
  params: SearchParams
  results: SearchResults | null
  loading: boolean
  error: string | null
  selected: number
  setSelected: (i: number) => void
  /** Changes the query or filters (typing replaces the history entry). */
  update: (patch: Partial<SearchParams>, typing?: boolean) => void
  open: (id: number) => void
  /** The search field of the top bar (its ↑ ↓ Enter move through and open the results). */
  box: RefObject<HTMLInputElement | null>
}

const Ctx = createContext<SearchState | null>(null)

export function useSearch(): SearchState {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useSearch outside SearchProvider')
  return ctx
}

export const DEBOUNCE_MS = 150
export const PAGE = 30

export function SearchProvider({
  params,
  onChange,
  onOpen,
  children,
}: {
  params: SearchParams
  onChange: (params: SearchParams, typing: boolean) => void
  onOpen: (id: number, query: string) => void
  children: ReactNode
}) {
  const api = useApi()
  const [results, setResults] = useState<SearchResults | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState(0)
  const latest = useRef(0)
  const box = useRef<HTMLInputElement>(null)
  const [version, setVersion] = useState(0)
  const changed = useRef(false)

  // the library changed: the same search again, at once
  useApiEvent(
    'library.changed',
    useCallback(() => {
      changed.current = true
      setVersion((v) => v + 1)
    }, []),
  )

  useEffect(() => {
    const query = params.query.trim()
    if (!query) return
    const ticket = ++latest.current
    const controller = new AbortController()
    const again = changed.current
    changed.current = false
    const timer = setTimeout(
      () => {
        setLoading(true)
        api
          .call(
            'search.query',
            {
              query,
              limit: PAGE,
              outlet: params.outlet,
              from: params.from,
              to: params.to,
              uncertainDates: Boolean(params.uncertain),
              tag: params.tag ?? null,
              story: params.story ?? null,
              asYouType: !/\s$/u.test(params.query),
            },
            { signal: controller.signal },
          )
          .then((r) => {
            if (ticket !== latest.current) return // an older query answered late
            setResults(r)
            if (!again) setSelected(0)
            setError(null)
          })
          .catch(
            (err: Error) =>
              ticket === latest.current &&
              !(err instanceof ApiCallError && err.code === 'aborted') &&
              setError(err.message),
          )
          .finally(() => ticket === latest.current && setLoading(false))
      },
      again ? 0 : DEBOUNCE_MS,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [
    api,
    params.query,
    params.outlet,
    params.from,
    params.to,
    params.uncertain,
    params.tag,
    params.story,
    version,
  ])

  const value = useMemo<SearchState>(
    () => ({
      params,
      results: params.query.trim() ? results : null,
      loading,
      error,
      selected,
      setSelected,
      update: (patch, typing = false) => onChange({ ...params, ...patch }, typing),
      open: (id) => onOpen(id, params.query),
      box,
    }),
    [params, results, loading, error, selected, onChange, onOpen],
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}
