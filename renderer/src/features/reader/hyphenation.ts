/**
 * German hyphenation for the reader. CSS `hyphens: auto` needs dictionaries that Chromium on
 * Linux and Windows (and so Electron there) does not ship; long German compounds then leave
 * ragged lines. Liang's TeX patterns (the `hyphen` package) insert soft hyphens instead,
 * which every engine honours. The ~700 kB of patterns load lazily, on the first article.
 */
import { useEffect, useState } from 'react'

type Hyphenate = (text: string) => string

let loaded: Hyphenate | null = null
let loading: Promise<Hyphenate> | null = null

function load(): Promise<Hyphenate> {
  loading ??= import('hyphen/de-1996').then((mod) => {
    // a CommonJS module: its exports arrive as named exports or as `default`, depending on the bundler
    type Api = { hyphenateSync: (text: string, options?: { minWordLength?: number }) => string }
    const api = ((mod as unknown as { default?: Api }).default ?? mod) as Api
    const sync = api.hyphenateSync
    loaded = (text: string) => sync(text, { minWordLength: 7 })
    return loaded
  })
  return loading
}

const identity: Hyphenate = (text) => text

/** A function that adds soft hyphens to German text (identity until the patterns are loaded). */
export function useGermanHyphenation(): Hyphenate {
  const [fn, setFn] = useState<Hyphenate>(() => loaded ?? identity)
  useEffect(() => {
    if (loaded) return
    let live = true
    load().then(
      (h) => live && setFn(() => h),
      () => {}, // without patterns the text is simply not hyphenated
    )
    return () => {
      live = false
    }
  }, [])
  return fn
}

/** Soft hyphens are for layout only: take them out of text that leaves the reader. */
export function stripSoftHyphens(text: string): string {
  return text.replace(/\u00ad/g, '')
}
