/**
 * `lesesaal [--library PATH] COMMAND [--json]`: the command line over the same core and
 * handler table as the app. With --json, stdout carries exactly one JSON document.
 * User errors exit 1 with one line on stderr; never a stack trace.
 */
import { Command, CommanderError } from 'commander'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiResults, MethodName } from '../../shared/contract'
import { UserError } from '../../shared/result'
import { librarySorts, type ArticleDetail, type ImportReport } from '../../shared/types'
import { createCore, type Core } from '../core'
import { defaultLibraryPath } from '../core/paths'
import {
  formatArticle,
  formatDictionary,
  formatImport,
  formatIndexStatus,
  formatList,
  formatSearch,
  formatWord,
} from './format'
import { furnitureCommands } from './furniture'

/** The resources folder (built-in glossary): two levels up, built (out/main) or not (electron/cli). */
const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '../../resources')

class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

interface GlobalOptions {
  library?: string
  json?: boolean
}

export async function main(argv: string[]): Promise<number> {
  let core: Core | null = null
  let json = argv.includes('--json')
  const open = (opts: GlobalOptions): Core => {
    const libraryPath = opts.library ? resolve(opts.library) : defaultLibraryPath()
    core = createCore({
      libraryPath,
      mode: 'browser',
      canImportPaths: true,
      resourcesPath: RESOURCES,
    })
    return core
  }
  const call = async <M extends MethodName>(
    c: Core,
    method: M,
    input: unknown,
  ): Promise<ApiResults[M]> => {
    const result = await c.invoke(method, input)
    if (!result.ok) throw new CliError(result.error.code, result.error.message)
    return result.value as ApiResults[M]
  }
  const print = (value: unknown, text: () => string) => {
    process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`)
  }
  let exitCode = 0

  const program = new Command()
    .name('lesesaal')
    .description('Lesesaal: a reading room for German news, on the command line.')
    .option(
      '--library <path>',
      "library file (default: the desktop app's library, or $LESESAAL_LIBRARY)",
    )
    .option('--json', 'print one JSON document on stdout')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: () => {}, // commander's own messages are reported below as one line
    })

  program
    .command('import')
    .description('import files (.txt .html .htm .md), folders (recursively) and http(s) URLs')
    .argument('<paths...>', 'files, folders or URLs')
    .action(async (paths: string[]) => {
      const c = open(program.opts<GlobalOptions>())
      const report: ImportReport = await call(c, 'import.paths', {
        paths: paths.map((p) => (/^https?:\/\//i.test(p) ? p : resolve(p))),
      })
      // Report what the user typed, not the absolute path we resolved.
      const results = report.results.map((r) => ({ ...r, source: displaySource(r.source, paths) }))
      print(results, () => formatImport(results, report.skipped))
      if (results.length > 0 && results.every((r) => r.error)) exitCode = 1
    })

  program
    .command('list')
    .description('list the articles in the library')
    .option('--sort <field>', `sort by ${librarySorts.join(', ')}`, 'published')
    .option('--asc', 'ascending order')
    .option('--outlet <name>', 'only articles from this outlet')
    .action(async (opts: { sort: string; asc?: boolean; outlet?: string }) => {
      const c = open(program.opts<GlobalOptions>())
      const rows = await call(c, 'library.list', {
        sort: opts.sort,
        order: opts.asc ? 'asc' : 'desc',
        outlet: opts.outlet ?? null,
      })
      print(rows, () => formatList(rows))
    })

  program
    .command('show')
    .description('print one article: metadata, clean text and reader comments')
    .argument('<id>', 'article id (see: lesesaal list)')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id))
        throw new CliError(
          'invalid_input',
          `"${id}" is not an article id; ids are whole numbers (see: lesesaal list).`,
        )
      const c = open(program.opts<GlobalOptions>())
      const a: ArticleDetail = await call(c, 'article.get', { id: Number(id) })
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
      print(doc, () => formatArticle(a))
    })

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
        if (!/^\d+$/.test(opts.limit))
          throw new CliError(
            'invalid_input',
            `--limit must be a whole number, not "${opts.limit}".`,
          )
        const c = open(program.opts<GlobalOptions>())
        const r = await call(c, 'search.query', {
          query: words.join(' '),
          limit: Number(opts.limit),
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
        print(doc, () => formatSearch(r))
      },
    )

  program
    .command('gloss')
    .description(
      'explain a German word: lemma, article, plural, gloss, compound parts, occurrences',
    )
    .argument('<word...>', 'a word or a multi-word term, as it appears in a text')
    .action(async (words: string[]) => {
      const c = open(program.opts<GlobalOptions>())
      const info = await call(c, 'lexicon.lookup', { word: words.join(' ') })
      const doc = {
        query: info.query,
        lemma: info.lemma,
        gender: info.gender,
        article: info.article,
        plural: info.plural,
        gloss: info.gloss,
        explanation: info.explanation,
        parts: info.parts,
        source: info.source,
        via: info.via,
        occurrences: info.occurrences.total,
        articles: info.occurrences.articles,
      }
      print(doc, () => formatWord(info))
      if (!info.found) exitCode = 1
    })

  const dict = program.command('dict').description('dictionaries for the glossary')
  dict
    .command('import')
    .description('import a dictionary in Ding format (e.g. /usr/share/trans/de-en)')
    .argument('<file>', 'the dictionary file')
    .option('--name <name>', 'what to call it')
    .action(async (file: string, opts: { name?: string }) => {
      const c = open(program.opts<GlobalOptions>())
      const path = resolve(file)
      const r = await call(c, 'dict.import', {
        name: opts.name ?? path.split(/[\\/]/).pop()!,
        path,
      })
      print(r, () => formatDictionary(r))
    })

  program
    .command('index')
    .description('check the search index against the library, or rebuild it')
    .option('--rebuild', 'rebuild the search index from the articles')
    .option('--check', 'compare the index with the articles (the default)')
    .action(async (opts: { rebuild?: boolean }) => {
      const c = open(program.opts<GlobalOptions>())
      const status = await call(c, opts.rebuild ? 'search.rebuild' : 'search.status', {})
      print(status, () => formatIndexStatus(status, Boolean(opts.rebuild)))
      if (!status.consistent && !opts.rebuild) exitCode = 1
    })

  // re-extraction and page furniture (issue 13)
  furnitureCommands(program, {
    open: () => open(program.opts<GlobalOptions>()),
    call,
    print,
    fail: (code, message) => {
      throw new CliError(code, message)
    },
    setExitCode: (code) => {
      exitCode = code
    },
  })

  try {
    await program.parseAsync(argv, { from: 'user' })
    json = Boolean(program.opts<GlobalOptions>().json) || json
    return exitCode
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0
      if (err.code === 'commander.help' || err.exitCode === 0) return 0
      return reportError(
        json,
        'invalid_input',
        `${err.message.replace(/^error: /, '')} (see: lesesaal --help)`,
      )
    }
    if (err instanceof CliError || err instanceof UserError)
      return reportError(json, err.code, err.message)
    return reportError(json, 'internal', `unexpected error: ${(err as Error).message}`)
  } finally {
    ;(core as Core | null)?.close()
  }
}

function displaySource(source: string, typed: string[]): string {
  for (const t of typed) {
    const abs = resolve(t)
    if (source === abs) return t
    if (source.startsWith(`${abs}/`)) return t.replace(/\/$/, '') + source.slice(abs.length)
  }
  return source
}

function reportError(json: boolean, code: string, message: string): number {
  const line = message.replace(/\s*\n\s*/g, ' ').trim()
  process.stderr.write(`lesesaal: ${line}\n`)
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message: line } })}\n`)
  return 1
}
