/**
 * Translations of articles in the library: the text as given, its language (given or
 * detected), the links the user corrected, and the alignment (cached in SQLite, deleted by
 * triggers when the article's text or a link changes).
 */
import { franc } from 'franc-min'
import type { Bead, Sentence, TranslationSummary } from '../../../shared/contract/align'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { sentencesOfBody } from './sentences'
import type { FixedBead } from './translation'

/** ISO 639-3 codes franc gives, as the two-letter codes the library stores. */
const LANGUAGES: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  nld: 'nl',
  por: 'pt',
  pol: 'pl',
  rus: 'ru',
  ukr: 'uk',
  tur: 'tr',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  ces: 'cs',
  hun: 'hu',
  ron: 'ro',
  fin: 'fi',
  ell: 'el',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
}

/** The language of a text as a two-letter code, or null when it cannot be told. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 4000), { minLength: 20 })
  return LANGUAGES[code] ?? null
}

/** A translation's paragraphs: blank lines (or single line breaks) separate them. */
export function translationParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
}

interface TranslationRow {
  id: number
  articleId: number
  lang: string
  detected: number
  text: string
  name: string | null
  addedAt: string
}

const COLUMNS =
  'id, article_id AS articleId, lang, detected, text, source_name AS name, added_at AS addedAt'

export function translationRow(db: Db, id: number): TranslationRow {
  const row = stmt(db, `SELECT ${COLUMNS} FROM translations WHERE id = ?`).get(id) as
    TranslationRow | undefined
  if (!row) throw new UserError('not_found', `There is no translation ${id}.`)
  return row
}

/** The sentences of a translation (derived from its text, which never changes). */
export function translationSentences(row: { text: string; lang: string }): Sentence[] {
  return sentencesOfBody(translationParagraphs(row.text), row.lang)
}

function summary(row: TranslationRow): TranslationSummary {
  return {
    id: row.id,
    articleId: row.articleId,
    lang: row.lang,
    detected: row.detected === 1,
    name: row.name,
    addedAt: row.addedAt,
    sentences: translationSentences(row).length,
  }
}

/** Stores a translation of an article; the language is detected when not given. */
export function addTranslation(
  db: Db,
  articleId: number,
  text: string,
  lang: string | null,
  name: string | null,
): TranslationSummary {
  if (!stmt(db, 'SELECT 1 FROM articles WHERE id = ?').get(articleId))
    throw new UserError('not_found', `There is no article ${articleId} in the library.`)
  const clean = text.replace(/^\uFEFF/, '')
  if (translationParagraphs(clean).length === 0)
    throw new UserError('invalid_input', 'The translation is empty.')
  const detected = lang ? null : detectLanguage(clean)
  const language = lang ?? detected
  if (!language)
    throw new UserError(
      'invalid_input',
      'The language of the translation could not be told; please name it (e.g. --lang en).',
    )
  const id = Number(
    stmt(
      db,
      'INSERT INTO translations (article_id, lang, detected, text, source_name, added_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(articleId, language, detected ? 1 : 0, clean, name, new Date().toISOString())
      .lastInsertRowid,
  )
  return summary(translationRow(db, id))
}

export function listTranslations(db: Db, articleId: number): TranslationSummary[] {
  return (
    stmt(db, `SELECT ${COLUMNS} FROM translations WHERE article_id = ? ORDER BY id`).all(
      articleId,
    ) as TranslationRow[]
  ).map(summary)
}

export function deleteTranslation(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM translations WHERE id = ?').run(id).changes > 0
}

/**
 * The user's fixed beads that still fit the texts: a link is used while the sentences it
 * names still read as they did when it was set (it stays stored either way).
 */
export function fixedBeads(
  db: Db,
  id: number,
  source: readonly Sentence[],
  target: readonly Sentence[],
): FixedBead[] {
  const rows = stmt(
    db,
    `SELECT source_start AS s0, source_end AS s1, target_start AS t0, target_end AS t1,
       source_text AS st, target_text AS tt
     FROM translation_links WHERE translation_id = ? ORDER BY source_start, target_start`,
  ).all(id) as { s0: number; s1: number; t0: number; t1: number; st: string; tt: string }[]
  const text = (list: readonly Sentence[], from: number, to: number) =>
    list
      .slice(from, to)
      .map((s) => s.text)
      .join(' ')
  return rows
    .filter(
      (r) =>
        r.s1 <= source.length &&
        r.t1 <= target.length &&
        text(source, r.s0, r.s1) === r.st &&
        text(target, r.t0, r.t1) === r.tt,
    )
    .map((r) => ({ source: [r.s0, r.s1], translation: [r.t0, r.t1] }))
}

/** Replaces the user's fixed beads of a translation with `beads` (those marked fixed). */
export function saveFixedBeads(
  db: Db,
  id: number,
  beads: readonly Bead[],
  source: readonly Sentence[],
  target: readonly Sentence[],
): void {
  const span = (list: number[]): [number, number] | null =>
    list.length ? [list[0]!, list[list.length - 1]! + 1] : null
  db.transaction(() => {
    stmt(db, 'DELETE FROM translation_links WHERE translation_id = ?').run(id)
    const insert = stmt(
      db,
      `INSERT INTO translation_links (translation_id, source_start, source_end, target_start,
         target_end, source_text, target_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // an empty side is anchored where the bead stands: after the previous bead
    let s = 0
    let t = 0
    for (const b of beads) {
      const sr = span(b.source) ?? [s, s]
      const tr = span(b.translation) ?? [t, t]
      if (b.fixed)
        insert.run(
          id,
          sr[0],
          sr[1],
          tr[0],
          tr[1],
          source
            .slice(sr[0], sr[1])
            .map((x) => x.text)
            .join(' '),
          target
            .slice(tr[0], tr[1])
            .map((x) => x.text)
            .join(' '),
          new Date().toISOString(),
        )
      s = sr[1]
      t = tr[1]
    }
  })()
}
