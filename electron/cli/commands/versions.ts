/** `article update`, `article changes`, `versions`: newer texts of an article. */
import { resolve } from 'node:path'
import type { ArticleChanges, ArticleVersion } from '../../../shared/contract/versions'
import { idArgument, wholeNumber, type Cli } from '../context'

function formatVersions(list: ArticleVersion[]): string {
  return list
    .map((v) => {
      const c = v.changed
        ? `  +${v.changed.added} −${v.changed.removed} ~${v.changed.changed} sentences`
        : ''
      const when = v.importedAt.slice(0, 10)
      return `${String(v.version).padStart(3)}${v.current ? ' (current)' : '          '}  ${when}  ${v.words} words${c}${v.reason === 'reextract' ? '  [re-extracted]' : ''}`
    })
    .join('\n')
}

function formatChanges(c: ArticleChanges): string {
  if (c.from === c.to) return 'The article has only one version.'
  const lines = [
    `Version ${c.from} → ${c.to}: ${c.counts.added} added, ${c.counts.removed} removed, ${c.counts.changed} changed sentences.`,
  ]
  for (const x of c.changes) {
    if (x.kind === 'added') lines.push(`  + ${x.text}`)
    else if (x.kind === 'removed') lines.push(`  − ${x.text}`)
    else if (x.kind === 'changed') lines.push(`  ~ ${x.before}\n    → ${x.text}`)
    else lines.push(`  ↕ ${x.text}`)
  }
  return lines.join('\n')
}

export function registerVersionsCommands(cli: Cli): void {
  const { program } = cli
  const article = program.command('article').description('newer versions of an article')
  article
    .command('update')
    .description('import a newer version of an article; notes and highlights stay with it')
    .argument('<id>', 'article id (see: lesesaal list)')
    .argument('<source>', 'a file (.txt .html .md) or an http(s) URL')
    .action(async (id: string, source: string) => {
      const r = await cli.call('article.update', {
        id: idArgument(id),
        path: /^https?:\/\//i.test(source) ? source : resolve(source),
      })
      const doc = { id: r.id, version: r.version, changed: r.changed, highlights: r.highlights }
      cli.print(doc, () =>
        r.unchanged
          ? `Article ${r.id}: the text is the same as version ${r.version}; nothing changed.`
          : [
              `Article ${r.id} is now at version ${r.version}.`,
              `  sentences: ${r.changed.added} added, ${r.changed.removed} removed, ${r.changed.changed} changed`,
              `  highlights: ${r.highlights.anchored} in place, ${r.highlights.moved} moved, ${r.highlights.orphan} orphaned${r.highlights.orphan ? ' (kept; see: lesesaal highlights ' + r.id + ')' : ''}`,
            ].join('\n'),
      )
    })
  article
    .command('changes')
    .description('what changed between a version and the current text, sentence by sentence')
    .argument('<id>', 'article id')
    .option('--from <version>', 'compare from this version (default: the one before)')
    .action(async (id: string, o: { from?: string }) => {
      const r = await cli.call('article.changes', {
        id: idArgument(id),
        from: o.from ? wholeNumber(o.from, '--from') || null : null,
      })
      cli.print(r, () => formatChanges(r))
    })

  program
    .command('versions')
    .description("an article's versions, newest first, with what changed in each")
    .argument('<id>', 'article id')
    .action(async (id: string) => {
      const r = await cli.call('article.versions', { id: idArgument(id) })
      cli.print(r, () => formatVersions(r))
    })
}
