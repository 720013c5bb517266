/**
 * `lesesaal reextract [ID...] [--outdated]` and `lesesaal furniture list|add|remove`:
 * re-extraction from the stored originals, and the page furniture the library has learned.
 */
import type { Command } from 'commander'
import type { ApiResults, MethodName } from '../../shared/contract'
import type { FurnitureRule, ReextractReport } from '../../shared/types'
import type { Core } from '../core'

export interface CommandContext {
  open: () => Core
  call: <M extends MethodName>(c: Core, method: M, input: unknown) => Promise<ApiResults[M]>
  print: (value: unknown, text: () => string) => void
  /** A user error: one line on stderr, exit code 1. */
  fail: (code: string, message: string) => never
  setExitCode: (code: number) => void
}

function ids(values: string[], fail: CommandContext['fail']): number[] {
  return values.map((v) => {
    if (!/^\d+$/.test(v) || Number(v) === 0)
      fail(
        'invalid_input',
        `"${v}" is not an article id; ids are whole numbers (see: lesesaal list).`,
      )
    return Number(v)
  })
}

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

/** Adds the commands to the program. */
export function furnitureCommands(program: Command, ctx: CommandContext): void {
  program
    .command('reextract')
    .description('extract articles again from their stored originals and report what changed')
    .argument('[ids...]', 'article ids (default: every article)')
    .option('--outdated', 'only articles extracted by an older version of the extractor')
    .action(async (values: string[], opts: { outdated?: boolean }) => {
      const list = ids(values, ctx.fail)
      const c = ctx.open()
      const report = await ctx.call(c, 'library.reextract', {
        ids: list,
        outdated: Boolean(opts.outdated),
      })
      ctx.print(report, () => formatReextract(report))
      if (report.items.length > 0 && report.failed === report.items.length) ctx.setExitCode(1)
    })

  const furniture = program
    .command('furniture')
    .description('page furniture: lines learned from an outlet or marked as not part of articles')
  furniture
    .command('list')
    .description('list the furniture rules')
    .option('--outlet <name>', 'only the rules that apply to this outlet')
    .action(async (opts: { outlet?: string }) => {
      const c = ctx.open()
      const rules = await ctx.call(c, 'furniture.list', { outlet: opts.outlet ?? null })
      ctx.print(rules, () => formatRules(rules))
    })
  furniture
    .command('add')
    .description("mark a line of an article as page furniture (for the article's outlet)")
    .argument('<id>', 'the article that has the line')
    .argument('<text...>', 'the line, as the article shows it')
    .option('--everywhere', 'for every outlet, not only this article’s')
    .action(async (id: string, words: string[], opts: { everywhere?: boolean }) => {
      const [articleId] = ids([id], ctx.fail)
      const c = ctx.open()
      const r = await ctx.call(c, 'furniture.mark', {
        id: articleId,
        text: words.join(' '),
        scope: opts.everywhere ? 'everywhere' : 'outlet',
      })
      ctx.print(r, () => `Rule ${r.rule.id} added.\n${formatReextract(r.report)}`)
    })
  furniture
    .command('remove')
    .description('remove a furniture rule; the lines come back into the articles')
    .argument('<rule>', 'the rule id (see: lesesaal furniture list)')
    .action(async (rule: string) => {
      if (!/^\d+$/.test(rule) || Number(rule) === 0)
        ctx.fail('invalid_input', `"${rule}" is not a rule id (see: lesesaal furniture list).`)
      const c = ctx.open()
      const r = await ctx.call(c, 'furniture.remove', { id: Number(rule) })
      ctx.print(r, () => `Rule ${rule} removed.\n${formatReextract(r.report)}`)
    })
}
