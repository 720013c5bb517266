/** `gloss` and `dict`: explaining words, importing dictionaries. */
import { resolve } from 'node:path'
import { placeWord } from '../../core/lexicon/context'
import { CliError, type Cli } from '../context'
import { formatDictionary, formatWord } from '../format'

export function registerLexiconCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('gloss')
    .description(
      'explain a German word: lemma, article, plural, gloss, compound parts, occurrences',
    )
    .argument('<word...>', 'a word or a multi-word term, as it appears in a text')
    .option(
      '--in <sentence>',
      'the sentence the word stands in: explained there, as the popover does',
    )
    .option('--article <id>', 'the article the sentence is from (names introduced earlier in it)')
    .action(async (words: string[], opts: { in?: string; article?: string }) => {
      const word = words.join(' ')
      let context: { text: string; offset: number; article?: number } | undefined
      if (opts.in !== undefined) {
        const placed = placeWord(word, opts.in)
        if (!placed)
          throw new CliError('invalid_input', `"${word}" does not occur in the sentence.`)
        context = placed
        if (opts.article !== undefined) {
          if (!/^[1-9]\d*$/.test(opts.article))
            throw new CliError('invalid_input', '--article takes an article number.')
          context.article = Number(opts.article)
        }
      }
      const info = await cli.call('lexicon.lookup', { word, context })
      const doc = {
        query: info.query,
        lemma: info.lemma,
        pos: info.pos,
        gender: info.gender,
        article: info.article,
        plural: info.plural,
        gloss: info.gloss,
        explanation: info.explanation,
        parts: info.parts,
        source: info.source,
        via: info.via,
        separable: info.separable,
        occurrences: info.occurrences.total,
        common: info.occurrences.common ?? false,
        approximate: info.occurrences.approximate ?? false,
        articles: info.occurrences.articles,
      }
      cli.print(doc, () => formatWord(info))
      if (!info.found) cli.setExitCode(1)
    })

  const dict = program.command('dict').description('dictionaries for the glossary')
  dict
    .command('import')
    .description('import a dictionary in Ding format (e.g. /usr/share/trans/de-en)')
    .argument('<file>', 'the dictionary file')
    .option('--name <name>', 'what to call it')
    .action(async (file: string, opts: { name?: string }) => {
      const path = resolve(file)
      const r = await cli.call('dict.import', {
        name: opts.name ?? path.split(/[\\/]/).pop()!,
        path,
      })
      cli.print(r, () => formatDictionary(r))
    })
}
