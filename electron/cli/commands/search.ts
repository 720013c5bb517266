/** `search` and `index`: the full-text search and its index. */
import { wholeNumber, type Cli } from '../context'
import { formatIndexStatus, formatSearch } from '../format'

export function registerSearchCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('search')
    .description(
      'search the library (German-aware: inflections, compounds, "phrases", -exclude, prefix*)',
    )
    .argument('<query...>', 'what to look for')
    .option('--limit <n>', 'how many hits', '10')
    .option('--outlet <name>', 'only this outlet')
    .option('--from <date>', 'published on or after (2025, 2025-03, 2025-03-14)')
    .option('--to <date>', 'published on or before')
    .action(
      async (
        words: string[],
        opts: { limit: string; outlet?: string; from?: string; to?: string },
      ) => {
        const limit = wholeNumber(opts.limit, '--limit')
        const r = await cli.call('search.query', {
          query: words.join(' '),
          limit,
          outlet: opts.outlet ?? null,
          from: opts.from ?? null,
          to: opts.to ?? null,
        })
        const doc = {
          hits: r.hits.map((h) => ({
            id: h.id,
            title: h.title,
            snippet: h.snippet,
            score: h.score,
            outlet: h.outlet,
            published: h.published,
            matchedIn: h.matchedIn,
            snippetFrom: h.snippetFrom,
            highlights: h.highlights,
          })),
          total: r.total,
        }
        cli.print(doc, () => formatSearch(r))
      },
    )

  program
    .command('index')
    .description('check the search index against the library, or rebuild it')
    .option('--rebuild', 'rebuild the search index from the articles')
    .option('--check', 'compare the index with the articles (the default)')
    .action(async (opts: { rebuild?: boolean }) => {
      const status = await cli.call(opts.rebuild ? 'search.rebuild' : 'search.status', {})
      cli.print(status, () => formatIndexStatus(status, Boolean(opts.rebuild)))
      if (!status.consistent && !opts.rebuild) cli.setExitCode(1)
    })
}
