import { useCallback, useState } from 'react'

const KEY = 'lesesaal.fontSize'
export const FONT_SIZES = [15, 17, 19, 21, 24, 27, 30] as const
const DEFAULT = 2

/** The reader's text size, one of a few steps, remembered across sessions. */
export function useFontSize(): {
  size: number
  step: number
  smaller: () => void
  larger: () => void
} {
  const [step, setStep] = useState(() => {
    const raw = localStorage.getItem(KEY)
    const saved = raw === null ? NaN : Number(raw)
    return Number.isInteger(saved) && saved >= 0 && saved < FONT_SIZES.length ? saved : DEFAULT
  })
  const change = useCallback((delta: number) => {
    setStep((s) => {
      const next = Math.min(FONT_SIZES.length - 1, Math.max(0, s + delta))
      localStorage.setItem(KEY, String(next))
      return next
    })
  }, [])
  return { size: FONT_SIZES[step]!, step, smaller: () => change(-1), larger: () => change(1) }
}
