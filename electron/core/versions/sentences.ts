/**
 * Sentences of an article text, with offsets into it (`shared/text.ts`), for showing what
 * changed between two versions. `Intl.Segmenter` (ICU) cuts German after every period, so
 * its pieces are joined again after ordinals and dates ("am 28. Februar"), abbreviations
 * ("z. B.", "Dr.") and before a piece that starts in lower case.
 */
import type { TextRange } from '../../../shared/types'

export interface Sentence extends TextRange {
  text: string
}

const ABBREVIATION =
  /(?:^|[\s(„"])(?:[A-Za-zÄÖÜäöü]|Dr|Prof|Nr|St|Str|ca|bzw|vgl|usw|etc|Mio|Mrd|Jh|Jhd|Abs|Art|Bd|Hr|Fr|Hrsg|inkl|evtl|ggf|sog|u\.a|z\.B|d\.h|o\.ä|v\.a)\.\s*$/u
const NUMBER_PERIOD = /(?:^|\s)\d{1,4}\.\s*$/
const STARTS_SMALL = /^[\s„"«»(]*[a-zäöüß0-9]/u

let segmenter: Intl.Segmenter | null = null

/** The sentences of `text`, trimmed, with their offsets. Paragraph breaks always end one. */
export function sentencesOf(text: string): Sentence[] {
  segmenter ??= new Intl.Segmenter('de', { granularity: 'sentence' })
  const pieces: TextRange[] = []
  for (const s of segmenter.segment(text)) {
    const start = s.index
    const end = start + s.segment.length
    const prev = pieces.at(-1)
    const prevText = prev ? text.slice(prev.start, prev.end) : ''
    const joins =
      prev &&
      !/\n\s*$/.test(prevText) &&
      (ABBREVIATION.test(prevText) || NUMBER_PERIOD.test(prevText) || STARTS_SMALL.test(s.segment))
    if (joins) prev.end = end
    else pieces.push({ start, end })
  }
  const out: Sentence[] = []
  for (const p of pieces) {
    let { start, end } = p
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) out.push({ start, end, text: text.slice(start, end) })
  }
  return out
}
