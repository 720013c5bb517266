/**
 * Names and glossary terms in running text: which words of a text are people's names (in
 * their sentence, or introduced earlier in the article), and which are glossary terms to mark
 * (never a name). Works from the in-memory word list; an article's names are remembered.
 */
import type { TermMatch, WordContext } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { splitKey } from './compound'
import { tokenize, type Token } from './context'
import { ABBREVIATION, LEMMA, NOUN, type KnownWords } from './known'
import { adjectiveReadings, agentNoun, nounReadings } from './morphology'
import { findNames, nameOf, type NameLexicon, type NameSpan } from './names'
import type { GlossaryTerms } from './terms'

/** Articles before a word that make it a noun: "der Kern des Problems". */
const ARTICLE = /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|eines|einer)$/

export class TextNames {
  private articleNames = new Map<number, { tokens: Token[]; spans: NameSpan[] }>()

  constructor(
    private readonly db: Db,
    private readonly known: KnownWords,
    private readonly glossary: GlossaryTerms,
  ) {}

  /** Forgets the articles' names (after an edit, or a write by another process). */
  invalidate(): void {
    this.articleNames.clear()
  }

  private flags = (key: string) => this.known.get(key)

  /** What the lexicon says about a word: for names in texts. */
  private nameLexicon(): NameLexicon {
    const knows = (t: Token): boolean => {
      const f = this.known.get(t.key)
      // "UN" is known, "Un" is not
      if (f !== 0 && !(t.raw !== t.raw.toUpperCase() && (f & ~(LEMMA | ABBREVIATION)) === 0))
        return true
      if (t.key.includes('-')) return false
      return (
        nounReadings(t.key, this.flags).length > 0 ||
        adjectiveReadings(t.key, this.flags).length > 0 ||
        agentNoun(t.raw, this.flags) !== null
      )
    }
    return {
      knows,
      isNoun: (t) => (this.known.get(t.key) & NOUN) !== 0,
      splits: (t) => !t.key.includes('-') && splitKey(t.key, this.known) !== null,
      isListedForm: (t) => {
        const f = this.known.get(t.key)
        return f !== 0 && (f & LEMMA) === 0
      },
    }
  }

  /** The names in a text (for marking terms and for the popover). */
  names(tokens: Token[], text: string): NameSpan[] {
    return findNames(tokens, text, this.nameLexicon())
  }

  /** The name the token at i belongs to, in its text or in the article it is from. */
  nameAt(tokens: Token[], i: number, context: WordContext): string | null {
    const own = nameOf(tokens, i, this.names(tokens, context.text))
    if (own || context.article === undefined || !tokens[i]!.capital) return own
    const article = this.articleText(context.article)
    if (!article) return null
    // a name introduced earlier in the article ("Christian Kern … Kern sagte")
    const single = tokens[i]!
    const before = tokens[i - 1]
    if (before && ARTICLE.test(before.key)) return null
    for (const s of article.spans) {
      if (s.to === s.from) continue
      for (let k = s.from; k <= s.to; k++) if (article.tokens[k]!.key === single.key) return s.name
    }
    return null
  }

  private articleText(id: number): { tokens: Token[]; spans: NameSpan[] } | null {
    const remembered = this.articleNames.get(id)
    if (remembered) return remembered
    const title = stmt(this.db, 'SELECT title FROM articles WHERE id = ?').pluck().get(id) as
      string | undefined
    if (title === undefined) return null
    const paragraphs = stmt(
      this.db,
      'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position',
    )
      .pluck()
      .all(id) as string[]
    const text = [title, ...paragraphs].join('\n')
    const tokens = tokenize(text)
    const found = { tokens, spans: this.names(tokens, text) }
    if (this.articleNames.size > 16) this.articleNames.clear()
    this.articleNames.set(id, found)
    return found
  }

  /**
   * The glossary terms in a text (built-in and own entries, multi-word terms like
   * "Vereinte Nationen" or "unter vier Augen" included), for marking them in the reader.
   * Names are never marked; `introduced` are the names of the whole article.
   */
  terms(
    text: string,
    introduced: NameSpan[] = [],
    introducedTokens: Token[] = [],
    tokens: Token[] = tokenize(text),
  ): TermMatch[] {
    const spans = this.names(tokens, text)
    const surnames = new Set<string>()
    for (const s of introduced)
      if (s.to > s.from) for (let k = s.from; k <= s.to; k++) surnames.add(introducedTokens[k]!.key)
    return this.glossary.find(text, tokens, (i) => {
      if (nameOf(tokens, i, spans)) return true
      const before = tokens[i - 1]
      return surnames.has(tokens[i]!.key) && !(before && ARTICLE.test(before.key))
    })
  }

  /** The terms of a whole article: names found anywhere in it are names in every paragraph. */
  articleTerms(
    title: string,
    paragraphs: string[],
  ): { title: TermMatch[]; paragraphs: TermMatch[][] } {
    const text = [title, ...paragraphs].join('\n')
    const tokens = tokenize(text)
    const spans = this.names(tokens, text)
    return {
      title: this.terms(title, spans, tokens),
      paragraphs: paragraphs.map((p) => this.terms(p, spans, tokens)),
    }
  }
}
