import { useEffect, useSyncExternalStore } from 'react'
import { applyTheme, getThemeChoice, subscribeThemeChoice, type ThemeChoice } from './theme'

/** The remembered theme choice (re-renders when it changes). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeThemeChoice, getThemeChoice)
}

/** Applies the chosen theme for as long as the app runs, following the system when asked. */
export function useAppliedTheme(): void {
  const choice = useThemeChoice()
  useEffect(() => applyTheme(choice), [choice])
}
