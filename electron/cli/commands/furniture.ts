/**
 * `lesesaal reextract [ID...] [--outdated]` and `lesesaal furniture list|add|remove`:
 * re-extraction from the stored originals, and the page furniture the library has learned.
 */
import type { FurnitureRule, ReextractReport } from '../../../shared/types'
import { idArgument, type Cli } from '../context'

/** The report of a re-extraction, one line per article that changed or failed. */
export function formatReextract(r: ReextractReport): string {
  const lines: string[] = []
  for (const i of r.items) {
    if (i.status === 'failed')
      lines.push(`  ✗ ${String(i.id).padStart(4)}  ${i.error?.message ?? ''}`)
    else if (i.status === 'duplicate')
      lines.push(
        `  = ${String(i.id).padStart(4)}  now the same text as article ${i.duplicateOf}; kept as it was`,
      )
    else if (i.status === 'changed') {
      const what = [
        ...i.fields,
        i.added || i.removed ? `paragraphs +${i.added} −${i.removed}` : '',
        i.wordsBefore !== i.wordsAfter ? `words ${i.wordsBefore} → ${i.wordsAfter}` : '',
      ].filter(Boolean)
      lines.push(`  ✓ ${String(i.id).padStart(4)}  ${i.title} (${what.join(', ') || 'headings'})`)
    }
  }
  lines.push(
    `Re-extracted ${r.items.length}: ${r.changed} changed, ${r.unchanged} unchanged, ${r.failed} failed${r.cancelled ? ' (cancelled)' : ''}.`,
  )
  return lines.join('\n')
}

function formatRules(rules: FurnitureRule[]): string {
  if (rules.length === 0) return 'No page furniture learned or marked yet.'
  return rules
    .map(
      (r) =>
        `${String(r.id).padStart(4)}  ${(r.outlet ?? 'every outlet').padEnd(22).slice(0, 22)}  ${r.source.padEnd(8)}${r.active ? '' : ' (off)'}  ${String(r.articles).padStart(4)}×  ${r.text}`,
    )
    .join('\n')
}

export function registerFurnitureCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('reextract')
    .description('extract articles again from their stored originals and report what changed')
    .argument('[ids...]', 'article ids (default: every article)')
    .option('--outdated', 'only articles extracted by an older version of the extractor')
    .action(async (values: string[], opts: { outdated?: boolean }) => {
      const list = values.map((v) => idArgument(v))
      const report = await cli.call('library.reextract', {
        ids: list,
        outdated: Boolean(opts.outdated),
      })
      cli.print(report, () => formatReextract(report))
      if (report.items.length > 0 && report.failed === report.items.length) cli.setExitCode(1)
    })

  const furniture = program
    .command('furniture')
    .description('page furniture: lines learned from an outlet or marked as not part of articles')
  furniture
    .command('list')
    .description('list the furniture rules')
    .option('--outlet <name>', 'only the rules that apply to this outlet')
    .action(async (opts: { outlet?: string }) => {
      const rules = await cli.call('furniture.list', { outlet: opts.outlet ?? null })
      cli.print(rules, () => formatRules(rules))
    })
  furniture
    .command('add')
    .description("mark a line of an article as page furniture (for the article's outlet)")
    .argument('<id>', 'the article that has the line')
    .argument('<text...>', 'the line, as the article shows it')
    .option('--everywhere', 'for every outlet, not only this article’s')
    .action(async (id: string, words: string[], opts: { everywhere?: boolean }) => {
      const r = await cli.call('furniture.mark', {
        id: idArgument(id),
        text: words.join(' '),
        scope: opts.everywhere ? 'everywhere' : 'outlet',
      })
      cli.print(r, () => `Rule ${r.rule.id} added.\n${formatReextract(r.report)}`)
    })
  furniture
    .command('remove')
    .description('remove a furniture rule; the lines come back into the articles')
    .argument('<rule>', 'the rule id (see: lesesaal furniture list)')
    .action(async (rule: string) => {
      const r = await cli.call('furniture.remove', {
        id: idArgument(rule, 'rule', 'lesesaal furniture list'),
      })
      cli.print(r, () => `Rule ${rule} removed.\n${formatReextract(r.report)}`)
    })
}
