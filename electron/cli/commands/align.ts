/** `align` and `translation`: sentences aligned across outlets, and with a translation. */
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { MAX_TRANSLATION_CHARS } from '../../../shared/contract'
import { CliError, idArgument, type Cli } from '../context'
import { formatAlignment, formatTranslationAlignment } from '../format-parallel'

export function registerAlignCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('align')
    .description('align the sentences of articles (or of an article and its translation)')
    .argument('<ids...>', 'two to eight article ids; one with --translation')
    .option('--translation', 'align the article with its translation')
    .option('--lang <code>', 'which translation (with --translation; default: the latest)')
    .action(async (ids: string[], opts: { translation?: boolean; lang?: string }) => {
      const numbers = ids.map((v) => idArgument(v))
      if (opts.translation) {
        if (numbers.length !== 1)
          throw new CliError('invalid_input', 'align --translation takes one article id.')
        const id = numbers[0]!
        const list = await cli.call('translation.list', { id })
        const chosen = (opts.lang ? list.filter((t) => t.lang === opts.lang) : list).at(-1)
        if (!chosen)
          throw new CliError(
            'not_found',
            opts.lang
              ? `Article ${id} has no translation in "${opts.lang}".`
              : `Article ${id} has no translation; add one with: lesesaal translation add ${id} FILE`,
          )
        const r = await cli.call('translation.get', { id: chosen.id })
        const doc = {
          source: { id: r.source.id, sentences: r.source.sentences.map((s) => s.text) },
          translation: {
            lang: r.translation.lang,
            sentences: r.translation.sentences.map((s) => s.text),
          },
          beads: r.beads.map((b) => ({
            source: b.source,
            translation: b.translation,
            score: b.score,
          })),
        }
        cli.print(doc, () => formatTranslationAlignment(r))
        return
      }
      if (numbers.length < 2)
        throw new CliError(
          'invalid_input',
          'align needs at least two article ids (or --translation).',
        )
      const r = await cli.call('align.articles', { ids: numbers })
      const doc = {
        articles: r.articles.map((a) => ({ id: a.id, sentences: a.sentences.map((s) => s.text) })),
        pairs: r.pairs,
        only: r.only,
      }
      cli.print(doc, () => formatAlignment(r))
    })

  const translation = program.command('translation').description('translations of articles')
  translation
    .command('add')
    .description('attach a translation (a text file) to an article')
    .argument('<id>', 'article id')
    .argument('<file>', 'the translation as a UTF-8 text file')
    .option('--lang <code>', 'its language (detected when left out)')
    .action(async (id: string, file: string, opts: { lang?: string }) => {
      const article = idArgument(id)
      const path = resolve(file)
      let text: string
      try {
        const info = await stat(path)
        if (!info.isFile()) throw new CliError('io_error', `${file} is not a file.`)
        if (info.size > MAX_TRANSLATION_CHARS * 4)
          throw new CliError('too_large', `${file} is too large for a translation.`)
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path))
      } catch (err) {
        if (err instanceof CliError) throw err
        const code = (err as NodeJS.ErrnoException).code
        throw new CliError(
          'io_error',
          code === 'ENOENT'
            ? `Cannot read ${file}: no such file.`
            : err instanceof TypeError
              ? `${file} is not UTF-8 text.`
              : `Cannot read ${file} (${code ?? (err as Error).message}).`,
        )
      }
      const r = await cli.call('translation.add', {
        id: article,
        text,
        lang: opts.lang ?? null,
        name: file,
      })
      cli.print(
        r,
        () =>
          `Added translation ${r.id} (${r.lang}${r.detected ? ', detected' : ''}, ${r.sentences} sentences) to article ${r.articleId}.`,
      )
    })

  translation
    .command('list')
    .description('list the translations of an article')
    .argument('<id>', 'article id')
    .action(async (id: string) => {
      const list = await cli.call('translation.list', { id: idArgument(id) })
      cli.print(list, () =>
        list.length
          ? list
              .map(
                (t) =>
                  `${String(t.id).padStart(4)}  ${t.lang}  ${t.sentences} sentences  ${t.name ?? ''}`,
              )
              .join('\n')
          : 'No translations.',
      )
    })

  translation
    .command('delete')
    .description('delete a translation')
    .argument('<id>', 'translation id')
    .action(async (id: string) => {
      const n = idArgument(id, 'translation', 'lesesaal translation list ARTICLE')
      const r = await cli.call('translation.delete', { id: n })
      if (!r.deleted) throw new CliError('not_found', `There is no translation ${n}.`)
      cli.print(r, () => `Deleted translation ${n}.`)
    })
}
