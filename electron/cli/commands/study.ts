/** `vocab` and `review`: saved words, statuses, Anki export, review with FSRS. */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  RATINGS,
  WORD_STATUSES,
  type Rating,
  type VocabWord,
  type WordStatus,
} from '../../../shared/study'
import { CliError, idArgument, wholeNumber, type Cli } from '../context'

/** What `vocab list` prints per word. */
function listed(w: VocabWord) {
  return {
    id: w.id,
    lemma: w.lemma,
    gender: w.gender,
    article: w.article,
    plural: w.plural,
    gloss: w.gloss,
    status: w.status,
    sentences: w.sentences.map((s) => ({
      text: s.text,
      form: s.form,
      articleId: s.articleId,
      outlet: s.outlet,
    })),
    due: w.due,
  }
}

/** `new`, `1`–`4` (or `learning`, `learning1`–`learning4`), `known`, `ignored`. */
export function parseStatus(value: string): WordStatus {
  const v = value.toLowerCase()
  if (/^[1-4]$/.test(v)) return `learning${v}` as WordStatus
  if (v === 'learning') return 'learning1'
  if ((WORD_STATUSES as readonly string[]).includes(v)) return v as WordStatus
  throw new CliError(
    'invalid_input',
    `"${value}" is not a status; use new, 1, 2, 3, 4 (learning), known or ignored.`,
  )
}

function line(w: VocabWord): string {
  const head = [w.article, w.lemma].filter(Boolean).join(' ')
  const plural = w.plural && w.plural !== w.lemma ? `, Pl. ${w.plural}` : ''
  return `${String(w.id).padStart(4)}  ${w.status.padEnd(9)}  ${head}${plural}${w.gloss ? ` — ${w.gloss}` : ''}`
}

export function registerStudyCommands(cli: Cli): void {
  const { program } = cli
  const vocab = program.command('vocab').description('saved words: add, list, status, export')

  vocab
    .command('add')
    .description('save a word with the sentence of the article it stands in')
    .argument('<word>', 'the word as it stands in the article (or its lemma)')
    .requiredOption('--article <id>', 'the article (see: lesesaal list)')
    .option('--sentence <n>', "the article's N-th sentence (1 = the first after the title)")
    .action(async (word: string, opts: { article: string; sentence?: string }) => {
      const saved = await cli.call('vocab.save', {
        word,
        articleId: idArgument(opts.article),
        sentence: opts.sentence === undefined ? undefined : sentenceNumber(opts.sentence),
      })
      cli.print(listed(saved), () => {
        const s = saved.sentences.at(-1)
        return `Saved: ${line(saved).trim()}${s ? `\n  „${s.text}“` : ''}`
      })
    })

  vocab
    .command('list')
    .description('list saved words with their sentences, status and next review')
    .option('--status <status>', 'all, saved, new, learning, 1-4, known or ignored', 'all')
    .option('--filter <text>', 'only words whose lemma, form or gloss contains this')
    .option('--sort <field>', 'date, status, article, frequency, lemma or due', 'date')
    .option('--asc', 'ascending order')
    .option('--limit <n>', 'at most this many (default: all)')
    .option('--offset <n>', 'skip this many', '0')
    .action(
      async (opts: {
        status: string
        filter?: string
        sort: string
        asc?: boolean
        limit?: string
        offset: string
      }) => {
        const status = ['all', 'saved', 'learning'].includes(opts.status)
          ? opts.status
          : parseStatus(opts.status)
        const { words, total } = await cli.call('vocab.list', {
          status,
          filter: opts.filter ?? '',
          sort: opts.sort,
          order: opts.asc ? 'asc' : 'desc',
          offset: wholeNumber(opts.offset, '--offset'),
          limit: opts.limit === undefined ? Number.MAX_SAFE_INTEGER : atLeastOne(opts.limit),
        })
        cli.print(words.map(listed), () =>
          words.length
            ? `${words.map(line).join('\n')}\n${words.length} of ${total} word${total === 1 ? '' : 's'}.`
            : 'No saved words. Save one with: lesesaal vocab add WORD --article ID',
        )
      },
    )

  vocab
    .command('status')
    .description('set what you know of a lemma: new, 1-4 (learning), known, ignored')
    .argument('<lemma>', 'the lemma (or a form of it)')
    .argument('<status>', 'new, 1, 2, 3, 4, known or ignored')
    .action(async (lemma: string, status: string) => {
      const r = await cli.call('vocab.status', { lemma, status: parseStatus(status) })
      cli.print(r, () => `${r.lemma}: ${r.status}`)
    })

  vocab
    .command('export')
    .description('export saved words for Anki (its text import format, with stable GUIDs)')
    .requiredOption('--anki <file>', 'the file to write')
    .option('--deck <name>', 'the Anki deck', 'Lesesaal')
    .option('--basic-type <name>', "your Anki's Basic note type", 'Basic')
    .option('--cloze-type <name>', "your Anki's Cloze note type", 'Cloze')
    .action(async (opts: { anki: string; deck: string; basicType: string; clozeType: string }) => {
      const r = await cli.call('vocab.export', {
        deck: opts.deck,
        basicType: opts.basicType,
        clozeType: opts.clozeType,
      })
      const file = resolve(opts.anki)
      await writeFile(file, r.text, 'utf8').catch((err: Error) => {
        throw new CliError('io_error', `Cannot write ${opts.anki}: ${err.message}`)
      })
      cli.print({ file, notes: r.notes }, () => `Wrote ${r.notes} notes to ${opts.anki}.`)
    })

  const review = program.command('review').description('review saved words (FSRS)')
  review
    .command('next')
    .description('the next card to review (null when nothing is due)')
    .action(async () => {
      const { card, counts } = await cli.call('review.next', {})
      const doc = card
        ? { id: card.id, kind: card.kind, front: card.front, back: card.back, lemma: card.lemma }
        : null
      cli.print(doc, () =>
        card
          ? `Card ${card.id} (${card.kind}, ${counts.due} due, ${counts.fresh} new left today)\n  ${card.front}\nAnswer with: lesesaal review answer ${card.id} again|hard|good|easy`
          : `Nothing to review now.${counts.nextDue ? ` Next card: ${counts.nextDue}.` : ''}`,
      )
    })

  review
    .command('answer')
    .description('answer a card: again, hard, good or easy')
    .argument('<card>', 'the card id (from: lesesaal review next)')
    .argument('<rating>', 'again, hard, good or easy')
    .action(async (card: string, rating: string) => {
      if (!(RATINGS as readonly string[]).includes(rating))
        throw new CliError(
          'invalid_input',
          `"${rating}" is not an answer; use again, hard, good or easy.`,
        )
      const r = await cli.call('review.answer', {
        card: idArgument(card, 'card', 'lesesaal review next'),
        rating: rating as Rating,
      })
      const doc = { due: r.due, stability: r.stability, difficulty: r.difficulty, state: r.state }
      cli.print(
        doc,
        () => `Next review: ${r.due} (${r.state}, stability ${r.stability.toFixed(2)} days)`,
      )
    })
}

function sentenceNumber(value: string): number {
  const n = wholeNumber(value, '--sentence')
  if (n < 1) throw new CliError('invalid_input', '--sentence counts from 1.')
  return n
}

function atLeastOne(value: string): number {
  const n = wholeNumber(value, '--limit')
  if (n < 1) throw new CliError('invalid_input', '--limit must be at least 1.')
  return n
}
