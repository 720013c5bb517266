/** A library for study tests: the built-in glossary, two small dictionaries, two own articles. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core } from '../../electron/core'
import { call, testCore } from './core'
import { ROOT } from './fixtures'

/** Written for these tests (German news style, invented people and events). */
export const HAFEN = `---
title: Einigung in Lübeck nach langen Gesprächen
outlet: Ostsee-Bote
published: 2025-05-06
---

Nach zwei Tagen verhandelten die Delegationen in Lübeck über neue Sanktionen.

Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den Sicherheitsgarantien für die Kabel.

Am 14. März sollen 48 Schiffe keine Häfen mehr anlaufen.
`

export const WISMAR = `---
title: Kabel und Häfen im Blick
outlet: Wismarer Zeitung
published: 2025-05-07
---

Auch in Wismar sprach man über Kabel, Häfen und Sicherheitsgarantien.

Die Delegationen wollen im Herbst erneut verhandeln.
`

export interface StudyLibrary {
  core: Core
  hafen: number
  wismar: number
}

/** A core with the glossary, `mini.ding` and `words.ding`, and the two articles above. */
export async function studyLibrary(options: { libraryPath?: string } = {}): Promise<StudyLibrary> {
  const core = testCore(options)
  await core.ensureGlossary()
  for (const file of ['tests/fixtures/lexicon/mini.ding', 'tests/fixtures/study/words.ding'])
    await call(core, 'dict.import', {
      name: file,
      data: readFileSync(join(ROOT, file)).toString('base64'),
    })
  const [hafen, wismar] = await Promise.all(
    [HAFEN, WISMAR].map(async (text, i) => {
      const report = await call(core, 'import.files', {
        files: [{ name: `artikel-${i}.md`, data: Buffer.from(text).toString('base64') }],
      })
      return report.results[0]!.id!
    }),
  )
  return { core, hafen: hafen!, wismar: wismar! }
}

/** The context the reader sends for a word: its paragraph and the word's offset there. */
export function contextOf(paragraph: string, word: string, nth = 0) {
  let at = -1
  for (let i = 0; i <= nth; i++) at = paragraph.indexOf(word, at + 1)
  if (at < 0) throw new Error(`"${word}" is not in the paragraph`)
  return { text: paragraph, offset: at }
}

/**
 * A core with the built-in glossary (and whatever `prepare` adds, a dictionary say) and these
 * articles, each analysed as the app's background pass does after an import; with the ways a
 * test reads them: a paragraph, a word looked up in it, the status the reader tints a form
 * with, a word saved from it and marked known.
 */
export async function wordLibrary(texts: string[], prepare?: (core: Core) => Promise<void>) {
  const core = testCore()
  await core.ensureGlossary()
  await prepare?.(core)
  const ids: number[] = []
  for (const [i, text] of texts.entries()) {
    const report = await call(core, 'import.files', {
      files: [{ name: `artikel-${i}.md`, data: Buffer.from(text).toString('base64') }],
    })
    ids.push(report.results[0]!.id!)
  }
  await core.study.runPass({ stale: true })
  const paragraph = (id: number, n: number) =>
    (
      core.db
        .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
        .pluck()
        .all(id) as string[]
    )[n]!
  const lookUp = (id: number, n: number, word: string) =>
    call(core, 'lexicon.lookup', {
      word,
      context: { ...contextOf(paragraph(id, n), word), article: id },
    })
  const status = async (id: number, form: string) => {
    const w = await call(core, 'study.articleWords', { id })
    const i = w.forms[form]
    return i === undefined ? undefined : w.lemmas[i]!.status
  }
  const saveKnown = async (id: number, n: number, word: string) => {
    const saved = await call(core, 'vocab.save', {
      word,
      articleId: id,
      context: contextOf(paragraph(id, n), word),
    })
    await call(core, 'vocab.status', { id: saved.id, status: 'known' })
    return saved
  }
  return { core, ids, paragraph, lookUp, status, saveKnown }
}
