/** Markdown export: every quote followed by its full citation, notes as the user wrote them. */
import type { Highlight, Note } from '../../../../shared/contract/notes'
import { citation, citeDate, type Lang } from './citation'
import type { CitedArticle, Collected } from './collect'

const WORDS = {
  de: {
    notes: 'Notizen',
    library: 'alle Notizen der Bibliothek',
    exported: (date: string) => `Exportiert aus Lesesaal am ${date}.`,
    onArticle: 'Notizen zum Artikel',
    highlights: 'Markierungen',
    tags: 'Schlagwörter',
    orphan: (v: number) =>
      `Diese Stelle steht nicht mehr im aktuellen Text (Fassung ${v}); zitiert wie markiert.`,
    changed: (before: string) => `Markiert war: „${before}“ (der Text wurde seither geändert).`,
    storyNotes: 'Notizen zur Story',
    wordNotes: 'Notizen zu Wörtern',
    colors: {
      yellow: 'gelb',
      green: 'grün',
      blue: 'blau',
      pink: 'rosa',
      purple: 'violett',
    },
    color: 'Farbe',
  },
  en: {
    notes: 'Notes',
    library: 'all notes in the library',
    exported: (date: string) => `Exported from Lesesaal on ${date}.`,
    onArticle: 'Notes on the article',
    highlights: 'Highlights',
    tags: 'Tags',
    orphan: (v: number) =>
      `This passage is no longer in the current text (version ${v}); quoted as highlighted.`,
    changed: (before: string) => `Highlighted as: “${before}” (the text has changed since).`,
    storyNotes: 'Notes on the story',
    wordNotes: 'Notes on words',
    colors: {
      yellow: 'yellow',
      green: 'green',
      blue: 'blue',
      pink: 'pink',
      purple: 'purple',
    },
    color: 'Colour',
  },
} as const

/** Text from an article set as Markdown text: characters that would start markup escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, '$1\\$2')
}

function quoteBlock(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n>\n')
}

function noteBlock(n: Note): string {
  return n.body.trim()
}

function highlightBlock(a: CitedArticle, h: Highlight, lang: Lang): string {
  const w = WORDS[lang]
  const out = [quoteBlock(h.quote), '', `— ${citation(a, lang, escapeMarkdown)}`]
  if (h.status === 'orphan') out.push('', `_${escapeMarkdown(w.orphan(a.version))}_`)
  else if (h.quoteBefore) out.push('', `_${escapeMarkdown(w.changed(h.quoteBefore))}_`)
  if (h.note) out.push('', noteBlock(h.note))
  const meta = [`${w.color}: ${w.colors[h.color]}`]
  const tags = [...new Set([...h.tags, ...(h.note?.tags ?? [])])]
  if (tags.length) meta.unshift(`${w.tags}: ${tags.map(escapeMarkdown).join(', ')}`)
  out.push('', `_${meta.join(' · ')}_`)
  return out.join('\n')
}

function articleSection(a: CitedArticle, lang: Lang): string {
  const w = WORDS[lang]
  const out = [`## ${escapeMarkdown(a.title)}`, '']
  const meta = [a.outlet, a.author, citeDate(a.published, lang)].filter(Boolean) as string[]
  if (meta.length) out.push(`_${meta.map(escapeMarkdown).join(' · ')}_`, '')
  if (a.notes.length) {
    out.push(`### ${w.onArticle}`, '')
    for (const n of a.notes) {
      out.push(noteBlock(n), '')
      if (n.tags.length) out.push(`_${w.tags}: ${n.tags.map(escapeMarkdown).join(', ')}_`, '')
    }
    out.push(`— ${citation(a, lang, escapeMarkdown)}`, '')
  }
  if (a.highlights.length) {
    out.push(`### ${w.highlights}`, '')
    for (const h of a.highlights) out.push(highlightBlock(a, h, lang), '')
  }
  return out.join('\n')
}

/** The whole export as Markdown. */
export function toMarkdown(c: Collected, lang: Lang, now = new Date()): string {
  const w = WORDS[lang]
  const subject =
    c.story?.title ??
    (c.articles.length === 1 && !c.wordNotes.length ? c.articles[0]!.title : w.library)
  const out = [
    `# ${w.notes}: ${escapeMarkdown(subject)}`,
    '',
    w.exported(citeDate(now.toISOString(), lang)!),
    '',
  ]
  if (c.storyNotes.length) {
    out.push(`## ${w.storyNotes}`, '')
    for (const n of c.storyNotes) {
      if (!c.story) out.push(`**${escapeMarkdown(n.storyTitle)}**`, '')
      out.push(noteBlock(n), '')
    }
  }
  for (const a of c.articles) out.push(articleSection(a, lang))
  if (c.wordNotes.length) {
    out.push(`## ${w.wordNotes}`, '')
    for (const n of c.wordNotes)
      out.push(`**${escapeMarkdown((n.target as { lemma: string }).lemma)}**`, '', noteBlock(n), '')
  }
  return `${out.join('\n').trimEnd()}\n`
}
