/**
 * What a query found in the user's notes, and what a result shows of a note: a short note
 * whole, a longer one by its best passage, its matches marked from the keys the notes index
 * keeps of it.
 */
import type { SearchHit } from '../../../shared/types'
import type { Matcher } from '../search/matcher'
import { bestSnippet } from '../search/snippet'
import type { Found } from './found'
import { noteMarks, notePassage, type NoteTokens, type PhraseKeys } from './marks'
import type { WordParts } from './wordParts'

/** One searchable text of the user's: a note, or the words of a highlight. */
export interface NoteDoc {
  kind: 'note' | 'highlight'
  article: number | null
  story: number | null
  text: string
  at: string
}

/** What a result shows about a match in the user's notes. */
export type NoteMatch = NonNullable<SearchHit['note']>

/** What a query found in the user's notes. */
export interface NoteMatches {
  /** The articles found, best note first, each once. */
  readonly articles: readonly number[]
  /** An article's best note for the query. */
  noteOf(article: number): NoteDoc | undefined
  /** What a result shows of that note, its matches marked. */
  snippetOf(article: number, matcher: Matcher): NoteMatch | undefined
}

/** Nothing found. */
export const NO_NOTES: NoteMatches = {
  articles: [],
  noteOf: () => undefined,
  snippetOf: () => undefined,
}

/** Notes up to this long are shown whole; longer ones by their best passage. */
const WHOLE_NOTE = 220
export const shownWhole = (text: string) => text.length <= WHOLE_NOTE && !text.includes('\n')

/** How long a passage of a longer note is, about. */
const PASSAGE = 160

/** The notes a query found, over the notes index as it was when it was asked. */
export class FoundNotes implements NoteMatches {
  constructor(
    private readonly found: Found,
    private readonly docs: readonly NoteDoc[],
    private readonly index: {
      tokens: NoteTokens
      /** 1 where a doc is shown whole. */
      whole: Uint8Array
      wordParts: WordParts
    },
    private readonly phrases: readonly PhraseKeys[],
  ) {}

  get articles(): readonly number[] {
    return this.found.articles
  }

  noteOf(article: number): NoteDoc | undefined {
    return this.docs[this.found.bestOf(article)]
  }

  snippetOf(article: number, matcher: Matcher): NoteMatch | undefined {
    const i = this.found.bestOf(article)
    if (i < 0) return undefined
    const doc = this.docs[i]!
    const { tokens, whole, wordParts } = this.index
    const parts = wordParts.use(matcher)
    // its words and phrases from the keys the index keeps of it: a note shown whole, or its
    // best passage
    if (whole[i])
      return {
        from: doc.kind,
        snippet: doc.text,
        highlights: noteMarks(tokens, i, parts, this.phrases, matcher),
      }
    const s = notePassage(tokens, i, doc.text, parts, this.phrases, matcher, PASSAGE)
    return s
      ? { from: doc.kind, snippet: s.text, highlights: s.highlights }
      : noteSnippet(doc, matcher)
  }
}

/**
 * The passage of a longer note that shows the match, for the result list, read from its text
 * (where its keys gave no place).
 */
function noteSnippet(doc: NoteDoc, matcher: Matcher): NoteMatch {
  const text = doc.text
  const paragraphs = text.includes('\n') ? text.split(/\n+/).filter((p) => p.trim()) : [text]
  const s = bestSnippet(paragraphs, matcher, PASSAGE) ?? {
    text: paragraphs[0] ?? '',
    highlights: [],
  }
  return { from: doc.kind, snippet: s.text, highlights: s.highlights }
}
