import { useCallback, useMemo, useRef, useState } from 'react'

/**
 * Which articles of the list are selected: a set of ids, and the anchor that Shift extends
 * from (the last article clicked or moved to without Shift), as file managers do.
 */
export function useSelection(ids: readonly number[] | null) {
  const [raw, setSelected] = useState<ReadonlySet<number>>(new Set())
  const anchor = useRef<number | null>(null)

  // articles that left the list (deleted, filtered out) leave the selection
  const present = useMemo(() => {
    if (!ids || raw.size === 0) return raw
    const inList = new Set(ids)
    const kept = [...raw].filter((id) => inList.has(id))
    return kept.length === raw.size ? raw : new Set(kept)
  }, [ids, raw])

  const toggle = useCallback((id: number) => {
    anchor.current = id
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  /** Selects from the anchor to `id` (the anchor's own state decides: add or remove). */
  const extendTo = useCallback(
    (id: number, additive = true) => {
      if (!ids) return
      const from = anchor.current === null ? -1 : ids.indexOf(anchor.current)
      const to = ids.indexOf(id)
      if (to < 0) return
      const [a, b] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)]
      setSelected(() => {
        const next = new Set(additive ? present : [])
        for (let i = a; i <= b; i++) next.add(ids[i]!)
        return next
      })
    },
    [ids, present],
  )

  const selectAll = useCallback(() => {
    if (ids) setSelected(new Set(ids))
  }, [ids])

  const clear = useCallback(() => {
    anchor.current = null
    setSelected(new Set())
  }, [])

  const setAnchor = useCallback((id: number | null) => {
    anchor.current = id
  }, [])

  /** The selected ids in the list's order. */
  const inOrder = useCallback(
    () => (ids ? ids.filter((id) => present.has(id)) : []),
    [ids, present],
  )

  return { selected: present, toggle, extendTo, selectAll, clear, setAnchor, inOrder }
}

export type Selection = ReturnType<typeof useSelection>
