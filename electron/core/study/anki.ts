/**
 * Export to Anki's text import format (Anki 2.1.55+ file headers): tab-separated, HTML fields,
 * one note per line with its GUID, note type, deck and tags in columns of their own. The GUID
 * is derived from the lemma, its part of speech and gender and the card kind, so importing a
 * second export updates the notes instead of duplicating them. Cloze notes are the learner's
 * sentences with the word as `{{c1::…::gloss}}`; the other cards are Basic notes.
 * See https://docs.ankiweb.net/importing/text-files.html ("File Headers").
 */
import { createHash } from 'node:crypto'
import { GENDER_ARTICLE, type Gender } from '../../../shared/types'
import type { AnkiExport, CardKind } from '../../../shared/study'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { sentencesOf, type WordRow } from './words'

export interface AnkiOptions {
  deck: string
  /** Names of the note types in the learner's Anki (the English stock names by default). */
  basic?: string
  cloze?: string
}

/** A stable note id: the same lemma, part of speech, gender and kind give the same GUID. */
export function noteGuid(key: string, pos: string, gender: string, kind: CardKind): string {
  const hash = createHash('sha256').update(
    `lesesaal\u0000${key}\u0000${pos}\u0000${gender}\u0000${kind}`,
  )
  return `ls${hash.digest('base64url').slice(0, 18)}`
}

/** Text as an HTML field: escaped, no tabs or line breaks (those separate fields and notes). */
export function field(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>')
}

/** One Anki tag: no white space (it separates tags), nothing Anki reads as syntax. */
export function tag(prefix: string, name: string): string {
  const clean = name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/["'`,;:\\]/g, '')
  return clean ? `${prefix}::${clean}` : ''
}

/** Every saved word that is not ignored, as Anki notes: Basic for recognition and gender. */
export function exportAnki(db: Db, options: AnkiOptions): AnkiExport {
  const basic = options.basic ?? 'Basic'
  const clozeType = options.cloze ?? 'Cloze'
  const deck = field(options.deck)
  const words = stmt(
    db,
    'SELECT * FROM study_words WHERE saved_at IS NOT NULL AND status <> 6 ORDER BY key, id',
  ).all() as WordRow[]
  const lines = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
  ]
  let notes = 0
  for (const w of words) {
    const gender = (w.gender || null) as Gender | null
    const article = gender && w.pos === 'noun' ? GENDER_ARTICLE[gender] : null
    const headword = article ? `${article} ${w.lemma}` : w.lemma
    const sentences = sentencesOf(db, w.id)
    const tags = new Set(['lesesaal'])
    for (const s of sentences) if (s.outlet) tags.add(tag('outlet', s.outlet))
    for (const story of storiesOf(
      db,
      sentences.map((s) => s.articleId),
    ))
      tags.add(tag('story', story))
    tags.delete('')
    const tagText = [...tags].join(' ')
    const note = (kind: CardKind, type: string, front: string, back: string) => {
      lines.push(
        [noteGuid(w.key, w.pos, w.gender, kind), field(type), deck, front, back, tagText].join(
          '\t',
        ),
      )
      notes++
    }
    const gloss = w.gloss ? field(w.gloss) : ''
    const source = (s: (typeof sentences)[number]) =>
      [s.articleTitle, s.outlet, s.published]
        .filter(Boolean)
        .map((x) => field(x!))
        .join(' · ')
    if (w.gloss) {
      const example = sentences[0] ? `<br><br><i>${field(sentences[0].text)}</i>` : ''
      note('recognition', basic, field(headword), `${gloss}${example}`)
    }
    if (sentences.length) {
      // each of the word's sentences becomes one gap of the same note (c1, c2 …)
      const text = sentences
        .map((s, i) => {
          const before = field(s.text.slice(0, s.formStart))
          const after = field(s.text.slice(s.formStart + s.form.length))
          const hint = w.gloss ? `::${field(w.gloss.replace(/}}|::/g, ' '))}` : ''
          return `${before}{{c${i + 1}::${field(s.form)}${hint}}}${after}`
        })
        .join('<br><br>')
      const extra = [field(headword), ...sentences.map(source).filter(Boolean)].join('<br>')
      note('cloze', clozeType, text, extra)
    }
    if (article && w.gender !== 'pl') {
      const front = `der, die oder das? <b>${field(w.lemma)}</b>${w.plural ? ' – und der Plural?' : ''}`
      const back = `<b>${article}</b> ${field(w.lemma)}${w.plural ? `, die ${field(w.plural)}` : ''}${gloss ? `<br>${gloss}` : ''}`
      note('gender', basic, front, back)
    }
  }
  return {
    text: `${lines.join('\n')}\n`,
    filename: `lesesaal-anki-${new Date().toISOString().slice(0, 10)}.txt`,
    notes,
  }
}

/** The titles of the stories the given articles belong to. */
function storiesOf(db: Db, articleIds: (number | null)[]): string[] {
  const ids = [...new Set(articleIds.filter((id): id is number => id !== null))]
  if (ids.length === 0) return []
  return stmt(
    db,
    `SELECT DISTINCT s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id
     WHERE sa.article_id IN (SELECT value FROM json_each(?)) ORDER BY s.title`,
  )
    .pluck()
    .all(JSON.stringify(ids)) as string[]
}
