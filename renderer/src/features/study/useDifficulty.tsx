import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Difficulty } from '../../../../shared/study'
import { useApi, useApiEvent } from '../../api/ApiContext'

const VIEW_KEY = 'lesesaal.libraryDifficulty'

interface View {
  /** Sort by the unknown share instead of the library's own sort. */
  sorting: boolean
  /** Only articles that fit the learner's level. */
  level: boolean
}

function loadView(): View {
  try {
    const v = JSON.parse(localStorage.getItem(VIEW_KEY) ?? '') as Partial<View>
    return { sorting: v.sorting === true, level: v.level === true }
  } catch {
    return { sorting: false, level: false }
  }
}

const percent = (share: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share)

/**
 * Difficulty in the library: each article's share of words not known yet (computed by the core
 * in the background and refreshed when it is done), sorting by it, and the "fits my level"
 * filter (at most the learner's share of unknown words, 5 % unless set otherwise).
 */
export function useDifficulty() {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const api = useApi()
  const [data, setData] = useState<Difficulty | null>(null)
  const [levelShare, setLevelShare] = useState(0.05)
  const [view, setViewState] = useState<View>(loadView)
  const [version, setVersion] = useState(0)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useApiEvent('study.progress', setProgress)

  useEffect(() => {
    let live = true
    api.call('study.difficulty', {}).then(
      (d) => live && setData(d),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, version])

  useEffect(() => {
    let live = true
    api.call('study.settings', {}).then(
      // (a host without the study room, or a test's fake API, answers nothing)
      (s) => live && s && setLevelShare(s.levelShare),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])

  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  useApiEvent(
    'study.changed',
    useCallback(({ reason }) => reason === 'difficulty' && refresh(), [refresh]),
  )
  useApiEvent('library.changed', refresh)

  const shares = useMemo(() => {
    const map = new Map<number, number | null>()
    data?.ids.forEach((id, i) => map.set(id, data.shares[i] ?? null))
    return map
  }, [data])

  const setView = useCallback((patch: Partial<View>) => {
    setViewState((v) => {
      const next = { ...v, ...patch }
      localStorage.setItem(VIEW_KEY, JSON.stringify(next))
      return next
    })
  }, [])

  const active = data?.active ?? false

  /** The library's ids as it shows them: filtered by level, sorted by difficulty. */
  const applyIds = useCallback(
    (ids: number[], order: 'asc' | 'desc'): number[] => {
      if (!active) return ids
      let out = ids
      const known = (id: number) => {
        const s = shares.get(id)
        return s === null || s === undefined ? null : s
      }
      if (view.level)
        out = out.filter((id) => {
          const s = known(id)
          return s !== null && s <= levelShare
        })
      if (view.sorting) {
        const dir = order === 'asc' ? 1 : -1
        out = [...out].sort((a, b) => {
          const x = known(a)
          const y = known(b)
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
          return (x - y) * dir || a - b
        })
      }
      return out
    },
    [view, shares, levelShare, active],
  )

  const cell = (id: number) => {
    const s = shares.get(id)
    return s === null || s === undefined ? '…' : percent(s, lang)
  }

  return {
    /** Whether to show difficulty at all (only to learners: someone saved a word). */
    active,
    applyIds,
    cell,
    sorting: active && view.sorting,
    setSorting: (sorting: boolean) => setView({ sorting }),
    level: active && view.level,
    setLevel: (level: boolean) => setView({ level }),
    computing: active && (data?.computing ?? false),
    /** "… (1,200 / 100,000)" while profiles are being built. */
    progress:
      progress && progress.done < progress.total
        ? ` (${new Intl.NumberFormat(lang).format(progress.done)} / ${new Intl.NumberFormat(lang).format(progress.total)})`
        : '',
    levelLabel: t('study.library.levelTitle', { share: percent(levelShare, lang) }),
  }
}
