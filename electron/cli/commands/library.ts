/** `import`, `list`, `show`: getting articles in and reading them. */
import { resolve } from 'node:path'
import { librarySorts, type ArticleDetail, type ImportReport } from '../../../shared/types'
import { idArgument, knownOutlet, type Cli } from '../context'
import { formatArticle, formatImport, formatList } from '../format'

export function registerLibraryCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('import')
    .description('import files (.txt .html .htm .md), folders (recursively) and http(s) URLs')
    .argument('<paths...>', 'files, folders or URLs')
    .option(
      '--keep-near-duplicates',
      'also import texts nearly the same as an article of the library (reported otherwise)',
    )
    .action(async (paths: string[], opts: { keepNearDuplicates?: boolean }) => {
      const report: ImportReport = await cli.call('import.paths', {
        paths: paths.map((p) => (/^https?:\/\//i.test(p) ? p : resolve(p))),
        nearDuplicates: opts.keepNearDuplicates ? 'import' : 'skip',
      })
      // Report what the user typed, not the absolute path we resolved.
      const results = report.results.map((r) => ({ ...r, source: displaySource(r.source, paths) }))
      cli.print(results, () => formatImport(results, report.skipped))
      if (results.length > 0 && results.every((r) => r.error)) cli.setExitCode(1)
    })

  program
    .command('list')
    .description('list the articles in the library')
    .option('--sort <field>', `sort by ${librarySorts.join(', ')}`, 'published')
    .option('--asc', 'ascending order')
    .option('--outlet <name>', 'only articles from this outlet')
    .action(async (opts: { sort: string; asc?: boolean; outlet?: string }) => {
      if (opts.outlet) await knownOutlet(cli, opts.outlet)
      const list = await cli.call('library.list', {
        sort: opts.sort,
        order: opts.asc ? 'asc' : 'desc',
        outlet: opts.outlet ?? null,
      })
      // the share of running words not known yet (study), computed where it is missing
      const d = await cli.call('study.difficulty', { wait: true })
      const share = new Map(d.ids.map((id, i) => [id, d.shares[i] ?? null]))
      // before the first saved word nothing is known: every share is 1
      const rows = list.map((a) => ({
        ...a,
        unknownShare: d.active ? (share.get(a.id) ?? null) : 1,
      }))
      cli.print(rows, () => formatList(rows))
    })

  program
    .command('show')
    .description('print one article: metadata, clean text and reader comments')
    .argument('<id>', 'article id (see: lesesaal list)')
    .action(async (id: string) => {
      const a: ArticleDetail = await cli.call('article.get', { id: idArgument(id) })
      const doc = {
        id: a.id,
        title: a.title,
        kicker: a.kicker,
        outlet: a.outlet,
        published: a.published,
        author: a.author,
        dateline: a.dateline,
        url: a.url,
        words: a.words,
        paragraphs: a.paragraphs,
        headings: a.headings,
        comments: a.comments,
      }
      cli.print(doc, () => formatArticle(a))
    })
}

function displaySource(source: string, typed: string[]): string {
  for (const t of typed) {
    const abs = resolve(t)
    if (source === abs) return t
    if (source.startsWith(`${abs}/`)) return t.replace(/\/$/, '') + source.slice(abs.length)
  }
  return source
}
