/** The story methods of the handler table: stories, suggestions, similar articles. */
import type { StoryDetail } from '../../../shared/contract/stories'
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import type { StoryRoom } from './room'
import { relationsAmong, similarTo } from './similar'
import {
  addToStory,
  createStory,
  deleteStory,
  dismissSuggestion,
  listStories,
  removeFromStory,
  renameStory,
  requireArticles,
  storiesOfArticle,
  storyDetail,
} from './store'
import { withRelations } from './suggest'

export function storyHandlers(
  ctx: CoreContext,
  room: StoryRoom,
): HandlersOf<
  | 'story.list'
  | 'story.get'
  | 'story.create'
  | 'story.rename'
  | 'story.delete'
  | 'story.addArticles'
  | 'story.removeArticles'
  | 'story.forArticle'
  | 'story.suggest'
  | 'story.dismiss'
  | 'article.similar'
> {
  const { db, emit } = ctx
  const detail = (id: number): StoryDetail => {
    room.update()
    const story = storyDetail(db, id)
    return {
      ...story,
      relations: relationsAmong(
        db,
        room.signatures.get(),
        story.articles.map((a) => a.id),
      ),
    }
  }
  const changed = (id: number | null) => {
    room.forgetSuggestions()
    emit('story.changed', { id })
  }
  return {
    'story.list': ({ offset, limit }) => listStories(db, offset, limit),
    'story.get': ({ id }) => detail(id),
    'story.create': ({ title, articles }) => {
      const id = createStory(db, title, articles)
      changed(id)
      return detail(id)
    },
    'story.rename': ({ id, title }) => {
      renameStory(db, id, title)
      changed(id)
      return detail(id)
    },
    'story.delete': ({ id }) => {
      const deleted = deleteStory(db, id)
      if (deleted) changed(id)
      return { deleted }
    },
    'story.addArticles': ({ id, articles }) => {
      addToStory(db, id, articles)
      changed(id)
      return detail(id)
    },
    'story.removeArticles': ({ id, articles }) => {
      removeFromStory(db, id, articles)
      changed(id)
      return detail(id)
    },
    'story.forArticle': ({ id }) => {
      requireArticles(db, [id])
      return storiesOfArticle(db, id)
    },
    'story.suggest': async ({ limit }) => {
      // signed here, or by the worker that suggests (the app)
      if (room.signsInPlace) room.update()
      const all = await room.suggest()
      const shown = limit === null ? all : all.slice(0, limit)
      return withRelations(db, room.signatures.get(), shown)
    },
    'story.dismiss': ({ articles }) => {
      dismissSuggestion(db, articles)
      changed(null)
      return { dismissed: true }
    },
    'article.similar': ({ id, limit }) => {
      requireArticles(db, [id])
      room.update()
      const found = similarTo(db, room.signatures.get(), id, limit)
      const meta = db.prepare(
        `SELECT a.title, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published FROM articles a
         WHERE a.id = ?`,
      )
      return found.map((f) => {
        const m = meta.get(f.id) as {
          title: string
          outlet: string | null
          published: string | null
        }
        if (!m) throw new UserError('not_found', `There is no article ${f.id} in the library.`)
        return { ...f, ...m }
      })
    },
  }
}
