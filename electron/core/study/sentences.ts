/**
 * Sentences of a German text, with offsets, for keeping the sentence a word was met in.
 * A full stop ends a sentence unless it closes an abbreviation (z. B., Dr., Nr.), an initial
 * (A. Hohenstein) or an ordinal before a month (am 28. Februar); the next sentence must start
 * with a capital letter, a digit or an opening quote.
 */

export interface Sentence {
  start: number
  end: number
  text: string
}

const ABBREVIATIONS = new Set(
  `abs allg bzw ca chr dipl dr evtl fr gem geb gest ggf hl hr inkl ing jh jhd kap lt max min mio
  mrd nr o.ä prof rd s sog st str tel u.a usw v vgl z.b z.t zit zzgl bspw bzgl ehem etc
  mag mind sen jun`.split(/\s+/),
)

const MONTHS =
  /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/

// an end mark, closing quotes or brackets, white space, then what may start a sentence
const BOUNDARY = /([.!?…]+)(["“”»«’')\]]*)(\s+)(?=["„“»«‚'([]?[\p{Lu}\p{N}])/gu

/** Splits a text into sentences (each trimmed, with its offsets in the text). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let from = 0
  BOUNDARY.lastIndex = 0
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const mark = m[1]!
    const endOfSentence = m.index + mark.length + m[2]!.length
    if (
      mark === '.' &&
      !m[2] &&
      continues(text.slice(from, m.index), text.slice(m.index + m[0].length))
    )
      continue
    push(out, text, from, endOfSentence)
    from = m.index + m[0].length
  }
  push(out, text, from, text.length)
  return out
}

/** Whether a full stop after `before` belongs to the sentence (an abbreviation, an ordinal). */
function continues(before: string, after: string): boolean {
  const last = /(\S+)$/.exec(before)?.[1] ?? ''
  const word = last.replace(/^[„"«»(]+/, '').toLowerCase()
  if (ABBREVIATIONS.has(word)) return true
  // "z. B.", "u. a.": a letter and a full stop, or an initial before a name
  if (/^\p{L}$/u.test(word)) return true
  if (/^\p{L}\.\p{L}$/u.test(word)) return true
  // "am 28. Februar", "der 3. Oktober"
  if (/^\d{1,2}$/.test(word) && MONTHS.test(after)) return true
  return false
}

function push(out: Sentence[], text: string, from: number, to: number): void {
  let start = from
  let end = to
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end, text: text.slice(start, end) })
}

/** The sentence of `text` that holds the character at `offset` (the nearest one before it). */
export function sentenceAt(text: string, offset: number): Sentence | null {
  const sentences = splitSentences(text)
  let best: Sentence | null = null
  for (const s of sentences) {
    if (s.start <= offset) best = s
    if (s.end > offset) break
  }
  return best
}
