/**
 * The German encoder, as FlexSearch sees it. FlexSearch's own pipeline (charset folding,
 * letter de-duplication, its `lang/de` stemmer that turns "Zeitung" into "zeit") is switched
 * off; Lesesaal's analyzer (`analyzer.ts`) does the work, for indexing and for queries alike.
 *
 * Text that Lesesaal has already analysed (the indexer needs the term frequencies, the query
 * parser handles phrases, prefixes and exclusions) is passed with a marker and only split.
 */
import { Encoder } from 'flexsearch'
import { indexKeys } from './analyzer'

/** Marks a string of index keys that needs no further analysis. */
export const PRE_ANALYSED = '\u0000keys:'

export function createGermanEncoder(): Encoder {
  return new Encoder({
    normalize: false,
    numeric: false,
    dedupe: false,
    cache: false,
    split: ' ',
    prepare: (text: string) =>
      text.startsWith(PRE_ANALYSED) ? text.slice(PRE_ANALYSED.length) : indexKeys(text).join(' '),
  })
}
