/**
 * What the translation aligner knows about words on both sides: German words and the English
 * stems they translate to (from the lexicon: the built-in glossary's English glosses and any
 * imported Ding dictionary, with compounds looked up by their parts), English words as
 * stems, and numbers and names, which are their own translations.
 */
import { stemmer as snowballEnglish } from '@orama/stemmers/english'
import { JOINER, withoutReadingDots } from '../../../shared/words'
import { tokenize } from '../search/analyzer'
import type { SourceSide, TargetSide } from './translation'

/** German word (as written) -> the English stems that translate it. */
export type Translate = (word: string) => ReadonlySet<string>

const ENGLISH_STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being has have ' +
    'had do does did it its this that these those he she they we you i his her their our your not no ' +
    'so than then there here which who whom whose what when where why how all any some such can could ' +
    'will would shall should may might must also only very into over about after before up down out ' +
    'off sb sth one s etc'
  ).split(/\s+/),
)

const ENGLISH_WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu

/** The stem of an English word: lower case, possessive off, Snowball English. */
export function englishKey(word: string): string {
  const lower = word.toLowerCase().replace(/[’']s$/, '')
  return /^\d/.test(lower) ? lower : snowballEnglish(lower)
}

/** Numbers as both sides write them: 2,000 and 2.000 and 2000 -> #2000; 1,2 / 1.2 -> #1.2. */
function numberKeys(text: string, german: boolean): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    let n = m[0]
    const thousands = german ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/
    if (thousands.test(n)) n = n.replace(/[.,]/g, '')
    else n = n.replace(',', '.')
    out.push(`#${n}`)
  }
  return out
}

/** English content words of a gloss or sentence, as stems. */
export function englishKeys(text: string): string[] {
  const out: string[] = []
  for (const m of text.replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ').matchAll(ENGLISH_WORD)) {
    const w = m[0]
    if (/^\d/.test(w)) continue
    const lower = w.toLowerCase()
    if (ENGLISH_STOPWORDS.has(lower) || lower.length < 2) continue
    out.push(englishKey(w))
  }
  return out
}

/** The translation side: each sentence's length and content-word keys. */
export function targetSide(sentences: readonly string[]): TargetSide {
  return {
    lengths: sentences.map((s) => s.length),
    words: sentences.map((s) => {
      const keys = englishKeys(s)
      // names are written alike in both languages (the first word is capitalised anyway)
      for (const m of s.matchAll(ENGLISH_WORD))
        if (m.index > 0 && /^\p{Lu}/u.test(m[0])) keys.push(`=${m[0].toLowerCase()}`)
      return [...keys, ...numberKeys(s, false)]
    }),
  }
}

/** The source side: each sentence's length and, per content word, what may translate it. */
export function sourceSide(sentences: readonly string[], translate: Translate): SourceSide {
  return {
    lengths: sentences.map((s) => s.length),
    words: sentences.map((s) => {
      const words: Set<string>[] = []
      for (const t of tokenize(s)) {
        if (t.stop) continue
        const raw = withoutReadingDots(s.slice(t.start, t.end))
        if (/^\d/.test(raw)) continue
        const keys = new Set(translate(raw))
        if (/^\p{Lu}/u.test(raw)) {
          keys.add(`=${raw.toLowerCase()}`)
          for (const part of raw.split(JOINER)) keys.add(`=${part.toLowerCase()}`)
        }
        words.push(keys)
      }
      for (const n of numberKeys(s, true)) words.push(new Set([n]))
      return words
    }),
  }
}

/** A cached translator over a lookup that returns English glosses for a German word. */
export function glossTranslator(glosses: (word: string) => string[]): Translate {
  const cache = new Map<string, ReadonlySet<string>>()
  return (word) => {
    let keys = cache.get(word)
    if (!keys) {
      keys = new Set(glosses(word).flatMap(englishKeys))
      cache.set(word, keys)
    }
    return keys
  }
}
