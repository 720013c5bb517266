/**
 * Names of people are never glossary words: "Un" in "Kim Jong Un" is not the UN, "Kern" in
 * "Christian Kern … Kern sagte" is not a kernel. A name is a run of capitalised words that
 * holds a word the lexicon does not know ("Kim", "Jae-in", "Scholz"); the run's known words
 * after it belong to the name only at its end ("Heiko Maas"), before it only when they are
 * short or not nouns ("Xi Jinping"), and a title between two names ends the first ("Nordkoreas
 * Machthaber Kim Jong Un"). A run after an article is an institution, not a person ("die
 * Vereinten Nationen"). Once introduced, a name's parts are names wherever they stand alone
 * later in the text, unless an article makes them a noun ("der Kern des Problems").
 */
import { DETERMINERS, FUNCTION_WORDS, type Token } from './context'

export interface NameSpan {
  /** First and last token, inclusive. */
  from: number
  to: number
  name: string
}

export interface NameLexicon {
  /** Whether the lexicon knows the word (a lemma, a form, an inflection of one). */
  knows(token: Token): boolean
  /** Whether a known word is a noun (a title such as "Präsident" before a name). */
  isNoun(token: Token): boolean
  /** Whether the word splits into known parts (a compound, not a name). */
  splits(token: Token): boolean
  /** Whether the lexicon lists the word as an inflected form only ("Menschen"). */
  isListedForm(token: Token): boolean
}

function runsOf(tokens: Token[]): [number, number][] {
  const runs: [number, number][] = []
  let start = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const can = t.capital && !DETERMINERS.has(t.key) && !FUNCTION_WORDS.has(t.key)
    if (start >= 0 && can && t.gap === ' ' && !t.initial) continue
    if (start >= 0) runs.push([start, i - 1])
    start = can ? i : -1
  }
  if (start >= 0) runs.push([start, tokens.length - 1])
  return runs
}

/** The names in a text's tokens, in order. */
export function findNames(tokens: Token[], text: string, lexicon: NameLexicon): NameSpan[] {
  const spans: NameSpan[] = []
  for (const [from, to] of runsOf(tokens)) {
    if (to === from) continue // a single capitalised word is a noun until shown otherwise
    let k = from
    while (k <= to) {
      const t = tokens[k]!
      if (lexicon.knows(t) || lexicon.splits(t)) {
        k++
        continue
      }
      // an article right before the run: "die Vereinten Nationen", "das Weiße Haus"
      const before = tokens[from - 1]
      if (k === from && before && DETERMINERS.has(before.key)) break
      // a short first name the dictionary knows as a noun: "Xi Jinping"
      const previous = tokens[k - 1]!
      const first =
        k > from &&
        previous.raw.length <= 3 &&
        lexicon.isNoun(previous) &&
        !previous.raw.endsWith('s')
          ? k - 1
          : k
      // a known word ends the name as a surname unless the lexicon lists it as an inflected
      // form ("Heiko Maas", "Emmanuel Macron", not "Tausende Menschen")
      let last = k
      while (
        last < to &&
        (!lexicon.knows(tokens[last + 1]!) ||
          (last + 1 === to && !lexicon.isListedForm(tokens[last + 1]!)))
      )
        last++
      // one unknown word is a name after a title ("Präsident Macron"), not before a noun
      // ("Tausende Menschen", "Nordkoreas Machthaber")
      // at a sentence's start a capitalised word may be anything ("Neue Sanktionen"): an
      // unknown first word makes a name there only with a second one ("Wladimir Putin")
      let unknown = 0
      for (let n = first; n <= last; n++) if (!lexicon.knows(tokens[n]!)) unknown++
      // after an article only a name of two unknown words ("der Internationale
      // Währungsfonds" is an institution even where the glossary lacks its words)
      let afterArticle = before !== undefined && DETERMINERS.has(before.key)
      // … unless a title stands between ("seinen Amtskollegen Antony Blinken")
      for (let n = from; afterArticle && n < first; n++)
        if (lexicon.isNoun(tokens[n]!)) afterArticle = false
      if (
        (tokens[first]!.initial && !lexicon.knows(tokens[first]!) && unknown < 2) ||
        (afterArticle && unknown < 2)
      ) {
        k = last + 1
        continue
      }
      if (last > first || (k > from && last === to))
        spans.push({
          from: first,
          to: last,
          name: text.slice(tokens[first]!.start, tokens[last]!.end),
        })
      k = last + 1
    }
  }
  return spans
}

/** Which name each token stands for: in a name span, or a part of a name introduced earlier. */
export function nameOf(tokens: Token[], i: number, spans: NameSpan[]): string | null {
  const token = tokens[i]
  if (!token?.capital) return null
  for (const s of spans) if (i >= s.from && i <= s.to) return s.name
  const before = tokens[i - 1]
  if (before && DETERMINERS.has(before.key)) return null
  for (const s of spans) {
    if (s.from >= i || s.to === s.from) continue
    for (let k = s.from; k <= s.to; k++) if (tokens[k]!.key === token.key) return s.name
  }
  return null
}
