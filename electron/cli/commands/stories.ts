/** `story …` and `similar`: stories of several articles, suggested stories, similar articles. */
import type { StoryDetail, StorySummary } from '../../../shared/contract/stories'
import { CliError, idArgument, wholeNumber, type Cli } from '../context'
import { formatSimilar, formatStory, formatStoryList, formatSuggestions } from '../format-parallel'

const storyId = (value: string) => idArgument(value, 'story', 'lesesaal story list')
const articleIds = (values: string[]) => values.map((v) => idArgument(v))

export function registerStoryCommands(cli: Cli): void {
  const { program } = cli
  const story = program
    .command('story')
    .description('stories: named groups of articles about one event')

  story
    .command('list')
    .description('list the stories')
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: { limit?: string; offset: string }) => {
      const rows: StorySummary[] = await cli.call('story.list', {
        offset: wholeNumber(opts.offset, '--offset'),
        limit: opts.limit === undefined ? null : wholeNumber(opts.limit, '--limit') || null,
      })
      cli.print(rows, () => formatStoryList(rows))
    })

  story
    .command('show')
    .description('show a story: its articles on a timeline, wire copies among them')
    .argument('<id>', 'story id (see: lesesaal story list)')
    .action(async (id: string) => {
      const s: StoryDetail = await cli.call('story.get', { id: storyId(id) })
      cli.print(s, () => formatStory(s))
    })

  story
    .command('create')
    .description('create a story from articles')
    .requiredOption('--title <title>', 'the story’s name')
    .argument('<articles...>', 'article ids (see: lesesaal list)')
    .action(async (ids: string[], opts: { title: string }) => {
      const s: StoryDetail = await cli.call('story.create', {
        title: opts.title,
        articles: articleIds(ids),
      })
      cli.print(s, () => formatStory(s))
    })

  story
    .command('rename')
    .description('rename a story')
    .argument('<id>', 'story id')
    .argument('<title>', 'the new name')
    .action(async (id: string, title: string) => {
      const s: StoryDetail = await cli.call('story.rename', { id: storyId(id), title })
      cli.print(s, () => formatStory(s))
    })

  story
    .command('add')
    .description('add articles to a story')
    .argument('<id>', 'story id')
    .argument('<articles...>', 'article ids')
    .action(async (id: string, ids: string[]) => {
      const s: StoryDetail = await cli.call('story.addArticles', {
        id: storyId(id),
        articles: articleIds(ids),
      })
      cli.print(s, () => formatStory(s))
    })

  story
    .command('remove')
    .description('remove articles from a story (they stay in the library)')
    .argument('<id>', 'story id')
    .argument('<articles...>', 'article ids')
    .action(async (id: string, ids: string[]) => {
      const s: StoryDetail = await cli.call('story.removeArticles', {
        id: storyId(id),
        articles: articleIds(ids),
      })
      cli.print(s, () => formatStory(s))
    })

  story
    .command('delete')
    .description('delete a story (its articles stay in the library)')
    .argument('<id>', 'story id')
    .action(async (id: string) => {
      const n = storyId(id)
      const r = await cli.call('story.delete', { id: n })
      if (!r.deleted)
        throw new CliError('not_found', `There is no story ${n} (see: lesesaal story list).`)
      cli.print(r, () => `Deleted story ${n}.`)
    })

  story
    .command('suggest')
    .description('suggest stories: groups of articles that report the same event')
    .option('--limit <n>', 'at most this many')
    .action(async (opts: { limit?: string }) => {
      const list = await cli.call('story.suggest', {
        limit: opts.limit === undefined ? null : wholeNumber(opts.limit, '--limit') || null,
      })
      const doc = list.map((s) => ({ articles: s.articles, title: s.title, score: s.score }))
      cli.print(doc, () => formatSuggestions(list))
    })

  program
    .command('similar')
    .description('articles like this one: duplicates, wire copies, the same story')
    .argument('<id>', 'article id (see: lesesaal list)')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (id: string, opts: { limit: string }) => {
      const list = await cli.call('article.similar', {
        id: idArgument(id),
        limit: wholeNumber(opts.limit, '--limit') || null,
      })
      const doc = list.map((s) => ({ id: s.id, similarity: s.similarity, kind: s.kind }))
      cli.print(doc, () => formatSimilar(list))
    })
}
