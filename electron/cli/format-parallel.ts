/** Human-readable output of the parallel-reading commands (story, similar, align, translation). */
import type { Alignment, TranslationAlignment } from '../../shared/contract/align'
import type {
  SimilarArticle,
  StoryDetail,
  StorySuggestion,
  StorySummary,
} from '../../shared/contract/stories'

const percent = (x: number) => `${Math.round(x * 100)} %`

export function formatStoryList(rows: StorySummary[]): string {
  if (rows.length === 0)
    return 'No stories yet. Create one with: lesesaal story create --title T ID...'
  return rows
    .map(
      (s) =>
        `${String(s.id).padStart(4)}  ${s.title}  (${s.articleCount} articles${s.outlets.length ? `: ${s.outlets.join(', ')}` : ''})`,
    )
    .join('\n')
}

export function formatStory(s: StoryDetail): string {
  const out = [`Story ${s.id}: ${s.title}`, '']
  for (const a of s.articles)
    out.push(
      `  ${(a.published ?? '—').padEnd(10)}  ${String(a.id).padStart(4)}  ${(a.outlet ?? '—').padEnd(24)}  ${String(a.words).padStart(5)} words  ${a.title}`,
    )
  for (const r of s.relations)
    out.push(`  ${r.b} is ${percent(r.similarity)} the same text as ${r.a} (${r.kind})`)
  return out.join('\n')
}

export function formatSuggestions(list: StorySuggestion[]): string {
  if (list.length === 0) return 'No suggestions.'
  return list
    .map(
      (s) =>
        `${s.title}\n  articles ${s.articles.join(', ')} (score ${s.score})  accept with: lesesaal story create --title "…" ${s.articles.join(' ')}`,
    )
    .join('\n')
}

export function formatSimilar(list: SimilarArticle[]): string {
  if (list.length === 0) return 'No similar articles.'
  return list
    .map(
      (s) =>
        `${String(s.id).padStart(4)}  ${s.kind.padEnd(10)}  ${percent(s.similarity).padStart(5)}  ${s.title}${s.outlet ? ` (${s.outlet})` : ''}`,
    )
    .join('\n')
}

export function formatAlignment(r: Alignment): string {
  const text = (id: number, i: number) => r.articles.find((a) => a.id === id)!.sentences[i]!.text
  const out: string[] = []
  for (const p of r.pairs)
    out.push(
      `${p.a.id}:${p.a.sentence} ~ ${p.b.id}:${p.b.sentence}  (${p.score})`,
      `  ${text(p.a.id, p.a.sentence)}`,
      `  ${text(p.b.id, p.b.sentence)}`,
    )
  out.push('', 'Only here:')
  for (const o of r.only) out.push(`  ${o.id}:${o.sentence}  ${text(o.id, o.sentence)}`)
  return out.join('\n')
}

export function formatTranslationAlignment(r: TranslationAlignment): string {
  const out: string[] = []
  for (const b of r.beads) {
    out.push(`[${b.source.join(',')}] ~ [${b.translation.join(',')}]${b.fixed ? '  (fixed)' : ''}`)
    for (const i of b.source) out.push(`  de  ${r.source.sentences[i]!.text}`)
    for (const j of b.translation)
      out.push(`  ${r.translation.lang.padEnd(2)}  ${r.translation.sentences[j]!.text}`)
  }
  return out.join('\n')
}
