/**
 * The article text in the core: the one definition lives in `shared/text.ts` (the renderer
 * needs it too); this adds reading it from the library.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { articleText } from '../../../shared/text'

export {
  articleText,
  paragraphStarts,
  paragraphIndexAt,
  rangesByParagraph,
  PARAGRAPH_SEPARATOR,
} from '../../../shared/text'

/** The paragraphs of an article (subheadings included), in order. */
export function loadParagraphs(db: Db, id: number): string[] {
  return stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
}

/** The article text of `id` (empty when the article does not exist). */
export function loadArticleText(db: Db, id: number): string {
  return articleText(loadParagraphs(db, id))
}
