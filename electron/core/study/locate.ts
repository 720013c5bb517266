/**
 * Where a saved word stands: its sentence in the article, found from the reader's context
 * (the text around the clicked word) or, on the command line, from the word itself (in the
 * article's N-th sentence, or the first sentence that has it, as written or as a form of it).
 */
import { UserError } from '../../../shared/result'
import type { WordContext } from '../../../shared/types'
import type { Lexicon } from '../lexicon/lookup'
import { studyKey } from '../../../shared/lemmas'
import { eachWord } from '../search/analyzer'
import { sentenceAt, splitSentences, type Sentence } from './sentences'
import type { SentenceInput } from './words'

/** `texts[0]` is the title (paragraph -1), then the paragraphs. */
function paragraphOf(index: number): number {
  return index - 1
}

function input(
  texts: string[],
  index: number,
  s: Sentence,
  form: string,
  formStart: number,
  articleId: number | null,
): SentenceInput {
  return {
    form,
    formStart,
    text: s.text,
    articleId,
    paragraph: articleId === null ? null : paragraphOf(index),
    start: articleId === null ? null : s.start,
  }
}

/**
 * The sentence around a word the reader clicked: the paragraph holding the context is found in
 * the article, so a sentence cut at the context's edge is still kept whole.
 */
export function locateFromContext(
  texts: string[] | null,
  articleId: number | null,
  word: string,
  context: WordContext,
): SentenceInput | null {
  const { text, offset } = context
  if (offset > text.length) return null
  const written = text.slice(offset, offset + word.length)
  const form = written === word ? word : (/^[\p{L}\p{N}-]+/u.exec(text.slice(offset))?.[0] ?? word)
  if (texts) {
    for (let i = 0; i < texts.length; i++) {
      const at = texts[i]!.indexOf(text)
      if (at < 0) continue
      const s = sentenceAt(texts[i]!, at + offset)
      if (s) return input(texts, i, s, form, at + offset - s.start, articleId)
    }
  }
  const s = sentenceAt(text, offset)
  if (!s) return null
  return {
    form,
    formStart: offset - s.start,
    text: s.text,
    articleId: null,
    paragraph: null,
    start: null,
  }
}

/**
 * The sentence of an article that has `word`: sentence `n` (from 1, counted in the text after
 * the title) or the first one; the word as written, then in any case, then any form of its
 * lemma. Throws a user error when it is not there.
 */
export function locateInArticle(
  lexicon: Lexicon,
  texts: string[],
  articleId: number,
  word: string,
  lemmaKey: string | null,
  n?: number,
): SentenceInput {
  const all: { index: number; s: Sentence }[] = []
  texts.forEach((t, index) => {
    if (index > 0) for (const s of splitSentences(t)) all.push({ index, s })
  })
  // the title is looked at last (it is not counted by --sentence)
  const title = splitSentences(texts[0] ?? '').map((s) => ({ index: 0, s }))
  let candidates = [...all, ...title]
  if (n !== undefined) {
    const chosen = all[n - 1]
    if (!chosen)
      throw new UserError(
        'invalid_input',
        `Article ${articleId} has ${all.length} sentence${all.length === 1 ? '' : 's'}, not ${n}.`,
      )
    candidates = [chosen]
  }
  const lower = word.toLowerCase()
  if (/\s/.test(word)) {
    // a multi-word term ("Europäische Union"): as written, in any case
    for (const { index, s } of candidates) {
      const at = s.text.toLowerCase().indexOf(lower)
      if (at >= 0) return input(texts, index, s, s.text.slice(at, at + word.length), at, articleId)
    }
  }
  const tests: ((raw: string, lemma: string | null) => boolean)[] = [
    (raw) => raw === word,
    (raw) => raw.toLowerCase() === lower,
    (_raw, lemma) => lemmaKey !== null && lemma !== null && studyKey(lemma) === lemmaKey,
  ]
  for (const test of tests) {
    for (const { index, s } of candidates) {
      const lemmas = test === tests[2] ? lexicon.annotate(s.text).lemmas : []
      let k = 0
      let hit: { raw: string; start: number } | null = null
      eachWord(s.text, (raw, start) => {
        const lemma = lemmas[k++] ?? null
        if (!hit && test(raw, lemma)) hit = { raw, start }
      })
      if (hit) {
        const { raw, start } = hit as { raw: string; start: number }
        return input(texts, index, s, raw, start, articleId)
      }
    }
  }
  throw new UserError(
    'not_found',
    n === undefined
      ? `"${word}" does not occur in article ${articleId}.`
      : `"${word}" is not in sentence ${n} of article ${articleId}.`,
  )
}
