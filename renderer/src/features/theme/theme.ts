/**
 * Light, dark, or the system's choice (the default), remembered. The chosen theme is applied
 * as `data-theme` on <html>; with "system", a change of the system's setting applies at once.
 * The colours themselves are the CSS variables of `styles/base.css`.
 */
export const themes = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof themes)[number]
export const THEME_KEY = 'lesesaal.theme'

const DARK = '(prefers-color-scheme: dark)'

export function loadTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_KEY)
    return (themes as readonly string[]).includes(saved ?? '') ? (saved as ThemeChoice) : 'system'
  } catch {
    return 'system'
  }
}

/** Remembers a choice; false when storage refuses (the choice then holds for this session). */
export function saveTheme(choice: ThemeChoice): boolean {
  try {
    localStorage.setItem(THEME_KEY, choice)
    return true
  } catch {
    return false
  }
}

/** The theme a choice stands for right now. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return typeof matchMedia === 'function' && matchMedia(DARK).matches ? 'dark' : 'light'
}

/** Applies a choice to the page; returns how to stop following the system. */
export function applyTheme(choice: ThemeChoice): () => void {
  const set = () => {
    document.documentElement.dataset.theme = resolveTheme(choice)
  }
  set()
  if (choice !== 'system' || typeof matchMedia !== 'function') return () => {}
  const query = matchMedia(DARK)
  query.addEventListener('change', set)
  return () => query.removeEventListener('change', set)
}

// The current choice, shared by the app (which applies it) and the switch (which changes it).
let current: ThemeChoice | null = null
const listeners = new Set<() => void>()

/** The remembered choice; when storage refuses, the choice made in this session. */
export function getThemeChoice(): ThemeChoice {
  return current ?? loadTheme()
}

export function setThemeChoice(choice: ThemeChoice): void {
  current = saveTheme(choice) ? null : choice
  listeners.forEach((l) => l())
}

export function subscribeThemeChoice(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
