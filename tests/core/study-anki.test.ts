/**
 * Anki export: the text import format's headers, stable GUIDs (a second export updates the
 * notes instead of duplicating them), cloze and basic note types, tags from outlet and story.
 */
import { describe, expect, it } from 'vitest'
import { field, noteGuid, tag } from '../../electron/core/study/anki'
import { call } from '../helpers/core'
import { contextOf, studyLibrary } from '../helpers/study'

/** Parses the export as Anki reads it: header lines, then tab-separated notes. */
function parse(text: string) {
  const lines = text.trimEnd().split('\n')
  const headers = Object.fromEntries(
    lines.filter((l) => l.startsWith('#')).map((l) => l.slice(1).split(':') as [string, string]),
  )
  const notes = lines
    .filter((l) => !l.startsWith('#'))
    .map((l) => {
      const [guid, type, deck, front, back, tags] = l.split('\t')
      return { guid, type, deck, front, back, tags: tags!.split(' ') }
    })
  return { headers, notes }
}

async function library() {
  const lib = await studyLibrary()
  const p = (await call(lib.core, 'article.get', { id: lib.hafen })).paragraphs
  await call(lib.core, 'vocab.save', {
    word: 'Sicherheitsgarantien',
    articleId: lib.hafen,
    context: contextOf(p[1]!, 'Sicherheitsgarantien'),
  })
  await call(lib.core, 'vocab.save', { word: 'verhandelten', articleId: lib.hafen })
  return lib
}

describe('Anki export', () => {
  it('writes the text import headers and one note per card kind', async () => {
    const { core } = await library()
    const out = await call(core, 'vocab.export', {})
    const { headers, notes } = parse(out.text)
    expect(headers).toEqual({
      separator: 'tab',
      html: 'true',
      'guid column': '1',
      'notetype column': '2',
      'deck column': '3',
      'tags column': '6',
    })
    expect(out.notes).toBe(notes.length)
    expect(out.filename).toMatch(/^lesesaal-anki-\d{4}-\d{2}-\d{2}\.txt$/)
    // Sicherheitsgarantie: recognition, cloze, gender; verhandeln: recognition, cloze
    expect(notes.map((n) => n.type).sort()).toEqual(['Basic', 'Basic', 'Basic', 'Cloze', 'Cloze'])
    for (const n of notes) expect(n.deck).toBe('Lesesaal')
    const cloze = notes.find(
      (n) => n.type === 'Cloze' && n.front!.includes('Sicherheitsgarantien'),
    )!
    expect(cloze.front).toBe(
      'Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den {{c1::Sicherheitsgarantien::security guarantee}} für die Kabel.',
    )
    expect(cloze.back).toContain('die Sicherheitsgarantie')
    const gender = notes.find((n) => n.front!.startsWith('der, die oder das?'))!
    expect(gender.back).toBe(
      '<b>die</b> Sicherheitsgarantie, die Sicherheitsgarantien<br>security guarantee',
    )
    expect(notes.find((n) => n.front === 'verhandeln')?.back).toMatch(/^to negotiate/)
  })

  it('keeps the GUIDs of a second export, also when a word got another sentence', async () => {
    const { core, wismar } = await library()
    const first = parse((await call(core, 'vocab.export', {})).text).notes
    await call(core, 'vocab.save', { word: 'Sicherheitsgarantien', articleId: wismar })
    const second = parse((await call(core, 'vocab.export', {})).text).notes
    expect(second.map((n) => n.guid)).toEqual(first.map((n) => n.guid))
    expect(new Set(first.map((n) => n.guid)).size).toBe(first.length)
    const cloze = second.find((n) => n.type === 'Cloze' && n.front!.includes('c2::'))!
    expect(cloze.front).toContain('Auch in Wismar sprach man über Kabel, Häfen und {{c2::')
    // GUIDs hang on the lemma, its part of speech and gender and the kind, not on row ids
    expect(noteGuid('sicherheitsgarantie', 'noun', 'f', 'cloze')).toBe(cloze.guid)
  })

  it('tags notes with the outlet and the story of their articles', async () => {
    const { core, hafen } = await library()
    const story = core.db
      .prepare("INSERT INTO stories (title, created_at) VALUES ('Gipfel in Lübeck', '2025-05-06')")
      .run().lastInsertRowid
    core.db
      .prepare('INSERT INTO story_articles (story_id, article_id) VALUES (?, ?)')
      .run(story, hafen)
    const { notes } = parse((await call(core, 'vocab.export', {})).text)
    for (const n of notes)
      expect(n.tags).toEqual(['lesesaal', 'outlet::Ostsee-Bote', 'story::Gipfel_in_Lübeck'])
  })

  it('escapes HTML, tabs and line breaks, and leaves out ignored words', async () => {
    expect(field('a <b> & "c"\td\ne')).toBe('a &lt;b&gt; &amp; &quot;c&quot; d<br>e')
    expect(tag('outlet', 'Die "Zeit": Online')).toBe('outlet::Die_Zeit_Online')
    const { core } = await library()
    const w = (await call(core, 'vocab.list', { sort: 'lemma', order: 'asc' })).words[0]!
    await call(core, 'vocab.update', { id: w.id, gloss: 'a <security> guarantee\tfor "all"' })
    const text = (await call(core, 'vocab.export', {})).text
    expect(text).toContain('a &lt;security&gt; guarantee for &quot;all&quot;')
    for (const line of text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('#')))
      expect(line.split('\t')).toHaveLength(6)
    await call(core, 'vocab.status', { id: w.id, status: 'ignored' })
    expect(parse((await call(core, 'vocab.export', {})).text).notes).toHaveLength(2)
  })

  it('uses the note type and deck names given (a German Anki calls them differently)', async () => {
    const { core } = await library()
    const { notes } = parse(
      (
        await call(core, 'vocab.export', {
          deck: 'Deutsch::Zeitung',
          basicType: 'Einfach',
          clozeType: 'Lückentext',
        })
      ).text,
    )
    expect(new Set(notes.map((n) => n.type))).toEqual(new Set(['Einfach', 'Lückentext']))
    expect(new Set(notes.map((n) => n.deck))).toEqual(new Set(['Deutsch::Zeitung']))
  })
})
