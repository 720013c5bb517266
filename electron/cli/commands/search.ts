/** `search` and `index`: the full-text search and its index. */
import { knownOutlet, typedDate, wholeNumber, type Cli } from '../context'
import { formatIndexStatus, formatSearch } from '../format'

export function registerSearchCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('search')
    .description(
      'search the library (German-aware: inflections, compounds, "phrases", -exclude, prefix*)',
    )
    .argument('<query...>', 'what to look for')
    .option('--limit <n>', 'how many hits (no upper limit)', '10')
    .option('--offset <n>', 'skip this many hits first (to page through all of them)', '0')
    .option('--outlet <name>', 'only this outlet')
    .option(
      '--from <date>',
      'published on or after (2025, 2025-03, 2025-03-14, 14.03.2025, März 2025)',
    )
    .option('--to <date>', 'published on or before')
    .option(
      '--uncertain-dates',
      'with --from/--to, also articles dated only by month or not at all (they may be outside)',
    )
    .action(
      async (
        words: string[],
        opts: {
          limit: string
          offset: string
          outlet?: string
          from?: string
          to?: string
          uncertainDates?: boolean
        },
      ) => {
        const limit = wholeNumber(opts.limit, '--limit', 1)
        const offset = wholeNumber(opts.offset, '--offset', 0)
        const from = typedDate('--from', opts.from)
        const to = typedDate('--to', opts.to)
        if (opts.outlet) await knownOutlet(cli, opts.outlet)
        const r = await cli.call('search.query', {
          query: words.join(' '),
          limit,
          offset,
          outlet: opts.outlet ?? null,
          from,
          to,
          uncertainDates: Boolean(opts.uncertainDates),
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
          uncertainDates: r.uncertainDates ?? 0,
        }
        cli.print(doc, () => formatSearch(r, offset))
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
