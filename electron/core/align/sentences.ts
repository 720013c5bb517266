/**
 * Sentences as a derived layer of each article: segmented once (on first use), stored with
 * offsets into the article's body, and deleted by triggers when the text changes (so they
 * are segmented again from the new text on the next use).
 *
 * The body is the paragraphs joined by "\n", as the search index reads it; a sentence never
 * spans two paragraphs.
 */
import type { Sentence } from '../../../shared/contract/align'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { segmentSentences } from '../text/sentences'

/** The body of an article as sentence offsets count it. */
export function bodyText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n')
}

/** Sentences of a body, with the paragraph each is in. */
export function sentencesOfBody(paragraphs: readonly string[], lang = 'de'): Sentence[] {
  const body = bodyText(paragraphs)
  const starts: number[] = []
  let at = 0
  for (const p of paragraphs) {
    starts.push(at)
    at += p.length + 1
  }
  let paragraph = 0
  return segmentSentences(body, lang).map(({ start, end }) => {
    while (paragraph + 1 < starts.length && starts[paragraph + 1]! <= start) paragraph++
    return { paragraph, start, end, text: body.slice(start, end) }
  })
}

/** An article's paragraphs (throws a user error for a missing article). */
export function articleParagraphs(db: Db, id: number): string[] {
  const paragraphs = stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
  if (paragraphs.length === 0 && !stmt(db, 'SELECT 1 FROM articles WHERE id = ?').get(id))
    throw new UserError('not_found', `There is no article ${id} in the library.`)
  return paragraphs
}

/**
 * An article's sentences: read from the library, or segmented and stored when the text is
 * new or changed. `paragraphs` may be passed when the caller has them already.
 */
export function articleSentences(db: Db, id: number, paragraphs?: string[]): Sentence[] {
  const paras = paragraphs ?? articleParagraphs(db, id)
  const body = bodyText(paras)
  const rows = stmt(
    db,
    'SELECT paragraph, text_start AS start, text_end AS end FROM article_sentences WHERE article_id = ? ORDER BY position',
  ).all(id) as Omit<Sentence, 'text'>[]
  if (rows.length > 0 && rows[rows.length - 1]!.end <= body.length)
    return rows.map((r) => ({ ...r, text: body.slice(r.start, r.end) }))
  const sentences = sentencesOfBody(paras)
  db.transaction(() => {
    stmt(db, 'DELETE FROM article_sentences WHERE article_id = ?').run(id)
    const insert = stmt(
      db,
      'INSERT INTO article_sentences (article_id, position, paragraph, text_start, text_end) VALUES (?, ?, ?, ?, ?)',
    )
    sentences.forEach((s, i) => insert.run(id, i, s.paragraph, s.start, s.end))
  })()
  return sentences
}
