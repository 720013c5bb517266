/** `highlight`, `highlights`, `note`, `notes`, `tag`: the notes room on the command line. */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  exportFormats,
  highlightColors,
  highlightStatuses,
  type Highlight,
  type NoteListItem,
} from '../../../shared/contract/notes'
import { CliError, idArgument, wholeNumber, type Cli } from '../context'

/** A highlight as `lesesaal highlights` prints it (the issue's shape). */
function row(h: Highlight) {
  return {
    id: h.id,
    quote: h.quote,
    note: h.note?.body ?? null,
    tags: h.tags,
    color: h.color,
    status: h.status,
    start: h.start,
    end: h.end,
  }
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(
      'invalid_input',
      `${what} must be one of ${allowed.join(', ')}, not "${value}".`,
    )
  return value as T
}

const collect = (value: string, previous: string[] = []) => [...previous, value]
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`)

function formatHighlights(list: Highlight[]): string {
  if (!list.length) return 'No highlights in this article.'
  return list
    .map((h) => {
      const head = `${String(h.id).padStart(4)}  [${h.color}${h.status === 'anchored' ? '' : `, ${h.status}`}] ${h.start}–${h.end}`
      const lines = [head, `      „${cut(h.quote, 100)}“`]
      if (h.note) lines.push(`      ✎ ${cut(h.note.body.replace(/\s+/g, ' '), 100)}`)
      if (h.tags.length) lines.push(`      # ${h.tags.join(', ')}`)
      return lines.join('\n')
    })
    .join('\n')
}

function formatItems(items: NoteListItem[], total: number): string {
  if (!total) return 'No highlights or notes match.'
  const out = items.map((i) => {
    const where = i.article
      ? `${i.article.title}${i.article.outlet ? ` (${i.article.outlet})` : ''}`
      : i.story
        ? `story: ${i.story.title}`
        : `word: ${i.lemma}`
    const what = i.quote
      ? `„${cut(i.quote, 90)}“`
      : cut(i.note?.body.replace(/\s+/g, ' ') ?? '', 90)
    return `${String(i.id).padStart(5)} ${i.kind === 'highlight' ? 'H' : 'N'}  ${what}\n        ${cut(where, 90)}${i.status === 'orphan' ? '  [orphan]' : ''}`
  })
  out.push(`${items.length} of ${total} shown.`)
  return out.join('\n')
}

export function registerNotesCommands(cli: Cli): void {
  const { program } = cli

  const highlight = program.command('highlight').description('add, re-attach or delete a highlight')
  highlight
    .command('add')
    .description('highlight a quote in an article (it must occur in the text)')
    .argument('<id>', 'article id (see: lesesaal list)')
    .requiredOption('--quote <text>', 'the words to highlight, as written in the article')
    .option('--occurrence <n>', 'which occurrence of an ambiguous quote (1, 2, …)')
    .option('--note <text>', 'a note on it (Markdown)')
    .option('--tag <tag>', 'a tag (repeat for more)', collect)
    .option('--color <color>', `one of ${highlightColors.join(', ')}`, 'yellow')
    .action(
      async (
        id: string,
        o: { quote: string; occurrence?: string; note?: string; tag?: string[]; color: string },
      ) => {
        const h = await cli.call('highlight.create', {
          article: idArgument(id),
          quote: o.quote,
          occurrence:
            o.occurrence === undefined ? undefined : wholeNumber(o.occurrence, '--occurrence'),
          note: o.note,
          tags: o.tag ?? [],
          color: oneOf(o.color, highlightColors, '--color'),
        })
        cli.print(row(h), () => `Highlight ${h.id} added.\n${formatHighlights([h])}`)
      },
    )
  highlight
    .command('attach')
    .description('put a highlight (an orphan) on other words of the current text')
    .argument('<highlight>', 'highlight id (see: lesesaal highlights ID)')
    .requiredOption('--quote <text>', 'the words, as written in the article now')
    .option('--occurrence <n>', 'which occurrence of an ambiguous quote')
    .action(async (hid: string, o: { quote: string; occurrence?: string }) => {
      const h = await cli.call('highlight.attach', {
        id: idArgument(hid, 'highlight', 'lesesaal highlights ID'),
        quote: o.quote,
        occurrence:
          o.occurrence === undefined ? undefined : wholeNumber(o.occurrence, '--occurrence'),
      })
      cli.print(row(h), () => `Highlight ${h.id} attached.\n${formatHighlights([h])}`)
    })
  highlight
    .command('delete')
    .description('delete a highlight and its note')
    .argument('<highlight>', 'highlight id')
    .action(async (hid: string) => {
      const r = await cli.call('highlight.delete', {
        id: idArgument(hid, 'highlight', 'lesesaal highlights ID'),
      })
      if (!r.deleted) throw new CliError('not_found', `There is no highlight ${hid}.`)
      cli.print(r, () => `Highlight ${hid} deleted.`)
    })

  program
    .command('highlights')
    .description("an article's highlights with notes, tags, colour and status")
    .argument('<id>', 'article id')
    .action(async (id: string) => {
      const r = await cli.call('notes.article', { id: idArgument(id) })
      cli.print(r.highlights.map(row), () => formatHighlights(r.highlights))
    })

  const note = program.command('note').description('write a note')
  note
    .command('add')
    .description('add a note (Markdown) to an article, a story, a highlight or a word')
    .argument('<text...>', 'the note')
    .option('--article <id>', 'on this article')
    .option('--story <id>', 'on this story')
    .option('--highlight <id>', "as this highlight's note (replaces it)")
    .option('--word <lemma>', 'on this word of the glossary (replaces it)')
    .option('--tag <tag>', 'a tag (repeat for more)', collect)
    .action(
      async (
        words: string[],
        o: { article?: string; story?: string; highlight?: string; word?: string; tag?: string[] },
      ) => {
        const given = [o.article, o.story, o.highlight, o.word].filter((x) => x !== undefined)
        if (given.length !== 1)
          throw new CliError(
            'invalid_input',
            'Say what the note is on: --article ID, --story ID, --highlight ID or --word LEMMA.',
          )
        const target = o.article
          ? { kind: 'article', id: idArgument(o.article) }
          : o.story
            ? { kind: 'story', id: idArgument(o.story, 'story') }
            : o.highlight
              ? { kind: 'highlight', id: idArgument(o.highlight, 'highlight') }
              : { kind: 'lexicon', lemma: o.word }
        const r = await cli.call('note.save', {
          guid: crypto.randomUUID(),
          target,
          body: words.join(' '),
          tags: o.tag,
        })
        if (!r.note) throw new CliError('invalid_input', 'The note is empty.')
        cli.print(r.note, () => `Note ${r.note!.id} saved.`)
      },
    )

  const notes = program.command('notes').description('list, export and import notes and highlights')
  notes
    .command('list', { isDefault: true })
    .description('highlights and notes, most recently changed first')
    .option('--article <id>', 'of this article')
    .option('--story <id>', 'of this story (its articles and the story itself)')
    .option('--tag <tag>', 'with this tag')
    .option('--color <color>', `highlights of this colour (${highlightColors.join(', ')})`)
    .option('--outlet <name>', 'of articles from this outlet')
    .option('--status <status>', `highlights ${highlightStatuses.join(', ')}`)
    .option('--kind <kind>', 'only highlight or note')
    .option('--limit <n>', 'how many (no upper limit)', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (o: Record<string, string | undefined>) => {
      const r = await cli.call('notes.list', {
        article: o.article ? idArgument(o.article) : null,
        story: o.story ? idArgument(o.story, 'story') : null,
        tag: o.tag ?? null,
        color: oneOf(o.color, highlightColors, '--color') ?? null,
        outlet: o.outlet ?? null,
        status: oneOf(o.status, highlightStatuses, '--status') ?? null,
        kind: oneOf(o.kind, ['highlight', 'note'] as const, '--kind') ?? null,
        limit: Math.max(1, wholeNumber(o.limit!, '--limit')),
        offset: wholeNumber(o.offset!, '--offset'),
      })
      cli.print(r, () => formatItems(r.items, r.total))
    })
  notes
    .command('export')
    .description('export highlights and notes (md, json) or the articles cited (csl, bibtex)')
    .option('--article <id>', 'one article')
    .option('--story <id>', 'one story')
    .requiredOption('--format <format>', exportFormats.join(', '))
    .option('--lang <lang>', 'citation style: de or en', 'de')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(
      async (o: {
        article?: string
        story?: string
        format: string
        lang: string
        out?: string
      }) => {
        const r = await cli.call('notes.export', {
          article: o.article ? idArgument(o.article) : null,
          story: o.story ? idArgument(o.story, 'story') : null,
          format: oneOf(o.format, exportFormats, '--format'),
          lang: oneOf(o.lang, ['de', 'en'] as const, '--lang'),
        })
        const summary = {
          file: o.out ? resolve(o.out) : null,
          format: o.format,
          articles: r.articles,
          highlights: r.highlights,
          notes: r.notes,
        }
        if (o.out) {
          await writeFile(resolve(o.out), r.content)
          cli.print(
            summary,
            () =>
              `Wrote ${r.highlights} highlights and ${r.notes} notes from ${r.articles} articles to ${o.out}.`,
          )
        } else if (cli.json()) cli.print({ ...summary, content: r.content }, () => '')
        else process.stdout.write(r.content)
      },
    )
  notes
    .command('import')
    .description('import a JSON export of highlights and notes (nothing is duplicated)')
    .argument('<file>', 'a file written by: lesesaal notes export --format json')
    .action(async (file: string) => {
      let content: string
      try {
        content = await readFile(resolve(file), 'utf8')
      } catch (err) {
        throw new CliError(
          'io_error',
          `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}.`,
        )
      }
      const r = await cli.call('notes.import', { content })
      cli.print(r, () => {
        const c = (x: typeof r.notes) =>
          `${x.added} added, ${x.updated} updated, ${x.unchanged} unchanged, ${x.kept} kept as they were`
        const lines = [`Highlights: ${c(r.highlights)}.`, `Notes: ${c(r.notes)}.`]
        for (const s of r.skipped) lines.push(`  skipped ${s.guid}: ${s.reason}`)
        return lines.join('\n')
      })
    })

  program
    .command('tag')
    .description('add tags to an article (or remove them); without tags, print its tags')
    .argument('<id>', 'article id')
    .argument('[tags...]', 'tags')
    .option('--remove', 'remove these tags instead')
    .action(async (id: string, tags: string[], o: { remove?: boolean }) => {
      const article = idArgument(id)
      const current = (await cli.call('notes.article', { id: article })).tags
      const lower = new Set(tags.map((t) => t.toLowerCase()))
      const next = !tags.length
        ? current
        : o.remove
          ? current.filter((t) => !lower.has(t.toLowerCase()))
          : [...current, ...tags]
      const r = tags.length
        ? await cli.call('article.setTags', { id: article, tags: next })
        : { tags: current }
      cli.print(r, () => (r.tags.length ? r.tags.join(', ') : 'No tags.'))
    })
}
