/** Human-readable output for the CLI's text mode. */
import type {
  ArticleDetail,
  ArticleSummary,
  DictionaryImportResult,
  ImportResult,
  SearchIndexStatus,
  SearchResults,
  WordInfo,
} from '../../shared/types'

const width = () => Math.max(60, Math.min(process.stdout.columns || 100, 120))

function cut(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`
}

export function formatImport(results: ImportResult[], skipped: number): string {
  const lines = results.map((r) => {
    if (r.error) return `  ✗ ${r.source}: ${r.error.message}`
    if (r.duplicateOf !== null)
      return `  = ${r.source}: already in the library as article ${r.duplicateOf}`
    if (r.nearDuplicateOf)
      return `  ≈ ${r.source}: nearly the same as article ${r.nearDuplicateOf.id} (${Math.round(r.nearDuplicateOf.similarity * 100)} %), not imported (--keep-near-duplicates imports it)`
    const meta = [r.outlet, r.published].filter(Boolean).join(', ')
    const note = r.warning ? `\n         ! ${r.warning.message}` : ''
    return `  ✓ ${String(r.id).padStart(4)}  ${r.title}${meta ? ` (${meta})` : ''}${note}`
  })
  const imported = results.filter((r) => r.id !== null).length
  const dupes = results.filter((r) => r.duplicateOf !== null).length
  const failed = results.filter((r) => r.error).length
  const near = results.filter((r) => r.nearDuplicateOf).length
  const parts = [`${dupes} already there`, `${failed} failed`]
  if (near) parts.splice(1, 0, `${near} nearly the same as one there`)
  if (skipped) parts.push(`${skipped} other files skipped`)
  lines.push(`Imported ${imported} of ${results.length} (${parts.join(', ')}).`)
  return lines.join('\n')
}

export function formatList(rows: ArticleSummary[]): string {
  if (rows.length === 0) return 'The library is empty. Add articles with: lesesaal import PATH'
  const w = width()
  const titleWidth = Math.max(20, w - 4 - 2 - 10 - 2 - 22 - 2 - 6 - 2)
  const out = [
    `${'ID'.padStart(4)}  ${'DATE'.padEnd(10)}  ${'OUTLET'.padEnd(22)}  ${'WORDS'.padStart(6)}  TITLE`,
  ]
  for (const r of rows) {
    out.push(
      `${String(r.id).padStart(4)}  ${(r.published ?? '—').padEnd(10)}  ${cut(r.outlet ?? '—', 22)}  ${String(r.words).padStart(6)}  ${cut(r.title, titleWidth).trimEnd()}`,
    )
  }
  return out.join('\n')
}

export function formatArticle(a: ArticleDetail): string {
  const w = Math.min(width(), 88)
  const meta = [a.outlet, a.published, a.author].filter(Boolean).join(' · ')
  const out: string[] = []
  if (a.kicker) out.push(a.kicker)
  out.push(a.title, '='.repeat(Math.min(a.title.length, w)))
  if (meta) out.push(meta)
  if (a.url) out.push(a.url)
  out.push('')
  const headings = new Set(a.headings)
  a.paragraphs.forEach((p, i) => {
    if (headings.has(i)) out.push(`## ${p}`, '')
    else out.push(wrap(p, w), '')
  })
  if (a.comments.length) {
    out.push(`— ${a.comments.length} reader comment${a.comments.length === 1 ? '' : 's'} —`, '')
    for (const c of a.comments) {
      out.push(
        `${c.author ?? 'anonymous'}${c.posted ? `, ${c.posted}` : ''}${c.title ? `: ${c.title}` : ''}`,
      )
      out.push(wrap(c.text, w, '  '), '')
    }
  }
  return out.join('\n').trimEnd()
}

function wrap(text: string, w: number, indent = ''): string {
  const lines: string[] = []
  for (const para of text.split('\n')) {
    let line = indent
    for (const word of para.split(/\s+/)) {
      if (line.length + word.length + 1 > w && line.trim()) {
        lines.push(line.trimEnd())
        line = indent
      }
      line += (line.trim() ? ' ' : '') + word
    }
    lines.push(line.trimEnd())
  }
  return lines.join('\n')
}

/** Search hits with the matching words in bold (when stdout is a terminal). */
export function formatSearch(r: SearchResults, offset = 0): string {
  const uncertain = r.uncertainDates
    ? `${r.uncertainDates} more article${r.uncertainDates === 1 ? ' matches' : 's match'} but ${r.uncertainDates === 1 ? 'is' : 'are'} dated only by month or not at all, so may be outside the dates (to include: --uncertain-dates).`
    : ''
  if (r.total === 0) return uncertain ? `No articles match. ${uncertain}` : 'No articles match.'
  const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['', '']
  const matches = `${r.total} article${r.total === 1 ? '' : 's'} match${r.total === 1 ? 'es' : ''}`
  const next = offset + r.hits.length
  // a page that is not everything says which one it is and how to get the next
  const page =
    offset === 0 && next >= r.total
      ? ''
      : r.hits.length === 0
        ? ` (none after the first ${offset})`
        : ` (showing ${offset + 1}–${next}${next < r.total ? `; next: --offset ${next}` : ''})`
  const out = [`${matches}${page}.`, '']
  for (const h of r.hits) {
    let snippet = ''
    let at = 0
    for (const x of h.highlights) {
      snippet += h.snippet.slice(at, x.start) + bold[0] + h.snippet.slice(x.start, x.end) + bold[1]
      at = x.end
    }
    snippet += h.snippet.slice(at)
    const meta = [h.outlet, h.published].filter(Boolean).join(', ')
    out.push(`${String(h.id).padStart(4)}  ${h.title}${meta ? ` (${meta})` : ''}`)
    out.push(`      ${h.snippetFrom === 'comments' ? '[reader comment] ' : ''}${snippet}`, '')
  }
  if (uncertain) out.push(uncertain)
  return out.join('\n').trimEnd()
}

export function formatIndexStatus(s: SearchIndexStatus, rebuilt: boolean): string {
  const lines = [
    rebuilt
      ? 'The search index was rebuilt.'
      : s.consistent
        ? 'The search index agrees with the library.'
        : 'The search index does NOT agree with the library.',
    `  articles: ${s.articles}, indexed: ${s.indexed}, waiting: ${s.pending}`,
  ]
  if (s.missing.length) lines.push(`  not indexed: ${s.missing.join(', ')}`)
  if (s.orphaned.length) lines.push(`  indexed but deleted: ${s.orphaned.join(', ')}`)
  if (!s.consistent && !rebuilt) lines.push('  Run: lesesaal index --rebuild')
  return lines.join('\n')
}

export function formatWord(w: WordInfo): string {
  const here = w.separable ? `\n  here: ${w.separable}` : ''
  if (!w.found)
    return `"${w.query}" is not in the lexicon.${w.parts.length ? ` Parts: ${w.parts.join(' | ')}` : ''}${here}`
  const head = [w.article, w.lemma].filter(Boolean).join(' ')
  const lines = [
    `${head}${w.plural && w.plural !== w.lemma ? `, Pl. ${w.plural}` : ''}${w.pos ? `  (${w.pos})` : ''}`,
  ]
  if (w.separable) lines.push(`  here: ${w.separable}`)
  if (w.gloss) lines.push(`  ${w.gloss}`)
  if (w.explanation) lines.push(`  ${w.explanation}`)
  if (w.parts.length) lines.push(`  parts: ${w.parts.join(' | ')}`)
  if (w.source)
    lines.push(`  source: ${w.source}${w.via && w.via !== 'lemma' ? ` (found by ${w.via})` : ''}`)
  if (w.occurrences.common) lines.push('  a very common word: not counted in the library')
  else if (w.occurrences.total)
    lines.push(
      `  in ${w.occurrences.approximate ? 'about ' : ''}${w.occurrences.total} article${w.occurrences.total === 1 ? '' : 's'} of the library`,
    )
  return lines.join('\n')
}

export function formatDictionary(r: DictionaryImportResult): string {
  const lines = [
    `Imported "${r.name}": ${r.entries} entries and ${r.forms} forms from ${r.lines} lines in ${r.seconds.toFixed(1)} s.`,
  ]
  if (r.malformed) {
    lines.push(
      `${r.malformed} malformed line${r.malformed === 1 ? ' was' : 's were'} skipped, e.g.:`,
    )
    for (const e of r.examples) lines.push(`  line ${e.line}: ${e.reason}`)
  }
  return lines.join('\n')
}
