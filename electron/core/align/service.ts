/**
 * Alignment on demand, cached in the library: a story's cross-outlet alignment (per story,
 * deleted by triggers when an article's text or the story's articles change) and a
 * translation's beads (per translation, deleted when the text or a corrected link changes).
 */
import type {
  AlignedArticle,
  Alignment,
  Bead,
  TranslationAlignment,
} from '../../../shared/contract/align'
import { UserError } from '../../../shared/result'
import type { PartialDate } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Lexicon } from '../lexicon/lookup'
import { tokenize } from '../search/analyzer'
import { glossTranslator, sourceSide, targetSide } from './bilingual'
import { alignAcross, CROSS_ALIGNER, type CrossAlignment } from './cross'
import { articleSentences } from './sentences'
import { alignTranslation, TRANSLATION_ALIGNER } from './translation'
import { fixedBeads, translationRow, translationSentences } from './translations'

/** An article with its paragraphs and sentences, as the parallel view shows it. */
export function alignedArticle(db: Db, id: number): AlignedArticle {
  const row = stmt(
    db,
    `SELECT a.id, a.title, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published, a.words
     FROM articles a WHERE a.id = ?`,
  ).get(id) as
    | {
        id: number
        title: string
        outlet: string | null
        published: PartialDate | null
        words: number
      }
    | undefined
  if (!row) throw new UserError('not_found', `There is no article ${id} in the library.`)
  const paras = stmt(
    db,
    'SELECT kind, text FROM paragraphs WHERE article_id = ? ORDER BY position',
  ).all(id) as { kind: 'p' | 'h'; text: string }[]
  const paragraphs = paras.map((p) => p.text)
  return {
    ...row,
    paragraphs,
    headings: paras.flatMap((p, i) => (p.kind === 'h' ? [i] : [])),
    sentences: articleSentences(db, id, paragraphs),
  }
}

/** Aligns the given articles (not cached: any set of articles). */
export function alignArticles(db: Db, ids: readonly number[]): Alignment {
  if (new Set(ids).size !== ids.length)
    throw new UserError('invalid_input', 'Each article can be aligned only once.')
  const articles = ids.map((id) => alignedArticle(db, id))
  const result = alignAcross(
    articles.map((a) => ({ id: a.id, sentences: a.sentences.map((s) => s.text) })),
  )
  return { articles, ...result }
}

/** A story's alignment: every article with every other, from the cache when it is there. */
export function alignStory(db: Db, storyId: number, articleIds: readonly number[]): Alignment {
  const articles = articleIds.map((id) => alignedArticle(db, id))
  const cached = stmt(db, 'SELECT aligner, data FROM story_alignments WHERE story_id = ?').get(
    storyId,
  ) as { aligner: string; data: string } | undefined
  const key = `${CROSS_ALIGNER} ${articleIds.join(',')}`
  if (cached?.aligner === key) return { articles, ...(JSON.parse(cached.data) as CrossAlignment) }
  const result = alignAcross(
    articles.map((a) => ({ id: a.id, sentences: a.sentences.map((s) => s.text) })),
  )
  stmt(
    db,
    'INSERT OR REPLACE INTO story_alignments (story_id, aligner, data) VALUES (?, ?, ?)',
  ).run(storyId, key, JSON.stringify(result))
  return { articles, ...result }
}

/** English glosses of a German word from the lexicon (its compound's parts when it has none). */
async function glossesOf(lexicon: Lexicon, word: string): Promise<string[]> {
  const info = await lexicon.lookup(word, false)
  const out = [info.gloss, ...info.more.map((m) => m.gloss)].filter((g): g is string => !!g)
  if (!info.found && info.parts.length > 1) {
    const parts = info.parts.filter((p) => p.length > 2)
    for (const part of [parts[0], parts[parts.length - 1]]) {
      if (!part) continue
      const p = await lexicon.lookup(part, false)
      if (p.gloss) out.push(p.gloss)
    }
  }
  return out
}

/** A translation aligned with its article: from the cache, or aligned and cached. */
export async function translationAlignment(
  db: Db,
  lexicon: Lexicon,
  id: number,
): Promise<TranslationAlignment> {
  const row = translationRow(db, id)
  const article = stmt(db, 'SELECT title FROM articles WHERE id = ?').get(row.articleId) as {
    title: string
  }
  const source = articleSentences(db, row.articleId)
  const target = translationSentences(row)
  const sides = {
    source: { id: row.articleId, title: article.title, sentences: source },
    translation: { id: row.id, lang: row.lang, sentences: target },
  }
  const cached = stmt(
    db,
    'SELECT aligner, data FROM translation_alignments WHERE translation_id = ?',
  ).get(id) as { aligner: string; data: string } | undefined
  if (cached?.aligner === TRANSLATION_ALIGNER)
    return { ...sides, beads: JSON.parse(cached.data) as Bead[] }

  // the dictionary: every German word of the article looked up once
  const glosses = new Map<string, string[]>()
  for (const s of source)
    for (const t of tokenize(s.text)) {
      const word = s.text.slice(t.start, t.end)
      if (t.stop || /^\d/.test(word) || glosses.has(word)) continue
      glosses.set(word, await glossesOf(lexicon, word))
    }
  const beads = alignTranslation(
    sourceSide(
      source.map((s) => s.text),
      glossTranslator((w) => glosses.get(w) ?? []),
    ),
    targetSide(target.map((s) => s.text)),
    fixedBeads(db, id, source, target),
  )
  stmt(
    db,
    'INSERT OR REPLACE INTO translation_alignments (translation_id, aligner, data) VALUES (?, ?, ?)',
  ).run(id, TRANSLATION_ALIGNER, JSON.stringify(beads))
  return { ...sides, beads }
}
