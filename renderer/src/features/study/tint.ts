import type { ArticleWords, WordStatus } from '../../../../shared/study'

/** How much of the reader is tinted: nothing (for people who only read), learning words, or unknown words too. */
export type TintMode = 'off' | 'learning' | 'all'

const CLASSES: Record<WordStatus, string | undefined> = {
  new: 'st-new',
  learning1: 'st-l1',
  learning2: 'st-l2',
  learning3: 'st-l3',
  learning4: 'st-l4',
  known: undefined,
  ignored: undefined,
}

/**
 * The class of each word of an article by its lemma's status: one lookup per word in the map
 * the core sent for the whole article (names and numbers are not in it: never tinted).
 */
export function tintFor(
  words: ArticleWords | null,
  mode: TintMode,
): ((word: string) => string | undefined) | undefined {
  if (!words || mode === 'off') return undefined
  const byLemma = words.lemmas.map((l) =>
    mode === 'all' || l.status !== 'new' ? CLASSES[l.status] : undefined,
  )
  const forms = new Map(Object.entries(words.forms))
  return (word) => {
    const i = forms.get(word)
    return i === undefined ? undefined : byLemma[i]
  }
}
