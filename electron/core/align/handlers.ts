/** The alignment methods of the handler table: sentences, aligned articles, translations. */
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import type { Lexicon } from '../lexicon/lookup'
import { storyArticleIds, requireStory } from '../stories/store'
import { applyCorrection } from './corrections'
import { articleSentences } from './sentences'
import { alignArticles, alignStory, translationAlignment } from './service'
import {
  addTranslation,
  deleteTranslation,
  listTranslations,
  saveFixedBeads,
  translationRow,
} from './translations'

export function alignHandlers(
  ctx: CoreContext,
  lexicon: { lexicon: Lexicon; ready: () => Promise<void> },
): HandlersOf<
  | 'article.sentences'
  | 'align.articles'
  | 'align.story'
  | 'translation.add'
  | 'translation.list'
  | 'translation.get'
  | 'translation.delete'
  | 'translation.correct'
> {
  const { db, emit } = ctx
  const align = async (id: number) => {
    await lexicon.ready()
    return translationAlignment(db, lexicon.lexicon, id)
  }
  return {
    'article.sentences': ({ id }) => ({ id, sentences: articleSentences(db, id) }),
    'align.articles': ({ ids }) => alignArticles(db, ids),
    'align.story': ({ id }) => {
      requireStory(db, id)
      const ids = storyArticleIds(db, id)
      if (ids.length < 2)
        throw new UserError(
          'invalid_input',
          'A story needs at least two articles to be read in parallel.',
        )
      return alignStory(db, id, ids)
    },
    'translation.add': ({ id, text, lang, name }) => {
      const added = addTranslation(db, id, text, lang, name)
      emit('translation.changed', { articleId: id })
      return added
    },
    'translation.list': ({ id }) => {
      if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id))
        throw new UserError('not_found', `There is no article ${id} in the library.`)
      return listTranslations(db, id)
    },
    'translation.get': ({ id }) => align(id),
    'translation.delete': ({ id }) => {
      const row = db.prepare('SELECT article_id FROM translations WHERE id = ?').pluck().get(id) as
        number | undefined
      const deleted = deleteTranslation(db, id)
      if (deleted && row !== undefined) emit('translation.changed', { articleId: row })
      return { deleted }
    },
    'translation.correct': async (input) => {
      const row = translationRow(db, input.id)
      if (input.op === 'reset') {
        db.prepare('DELETE FROM translation_links WHERE translation_id = ?').run(input.id)
      } else {
        const current = await align(input.id)
        const beads = applyCorrection(current.beads, input)
        saveFixedBeads(db, input.id, beads, current.source.sentences, current.translation.sentences)
      }
      emit('translation.changed', { articleId: row.articleId })
      return align(input.id)
    },
  }
}
