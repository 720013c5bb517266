/** The versions room's part of the handler table: a newer text, earlier texts, changes. */
import type { ArticleVersion } from '../../../shared/contract/versions'
import { UserError, type ErrorCode } from '../../../shared/result'
import { isHttpUrl } from '../../../shared/urls'
import type { CoreContext } from '../context'
import { stmt } from '../db/statements'
import type { HandlersOf } from '../handlers'
import { bufferSource, sourcesFromPaths, type ImportSource } from '../import/importer'
import { loadParsers } from '../import/parsers'
import { articleText, loadParagraphs } from '../library/text'
import { countChanges, diffTexts } from './diff'
import {
  currentTextSince,
  currentVersion,
  readVersion,
  versionParagraphs,
  versionRows,
} from './store'
import { updateArticleText } from './update'

async function pipeline() {
  const [mod] = await Promise.all([import('../import/pipeline'), loadParsers()])
  return mod
}

export function versionsHandlers(
  ctx: CoreContext,
): HandlersOf<'article.update' | 'article.versions' | 'article.changes' | 'article.version'> {
  const { db, emit, options } = ctx

  const mustExist = (id: number) => {
    const row = stmt(db, 'SELECT title, words FROM articles WHERE id = ?').get(id) as
      { title: string; words: number } | undefined
    if (!row) throw new UserError('not_found', `There is no article ${id} in the library.`)
    return row
  }

  /** The paragraphs of every text of an article, oldest first (the current one last). */
  const allTexts = (id: number) => [
    ...versionRows(db, id).map((v) => versionParagraphs(db, v.id).paragraphs),
    loadParagraphs(db, id),
  ]

  return {
    'article.update': async ({ id, path, file }) => {
      mustExist(id)
      let source: ImportSource
      if (file) source = bufferSource(file.name, Buffer.from(file.data, 'base64'))
      else {
        if (!isHttpUrl(path!) && !options.canImportPaths)
          throw new UserError(
            'unsupported',
            'Reading a file by path is not available here; upload the file instead.',
          )
        const { sources } = await sourcesFromPaths([path!])
        const found = sources.filter((s) => 'read' in s || s.error)
        const first = found[0]
        if (!first || found.length !== 1)
          throw new UserError('invalid_input', 'Give one file or URL for the newer version.')
        if (!('read' in first))
          throw new UserError(first.error!.code as ErrorCode, first.error!.message)
        source = first
      }
      const raw = await source.read()
      const { extractFile, EXTRACTOR_VERSION } = await pipeline()
      const x = extractFile(raw, source.fileName)
      const result = updateArticleText(db, id, x, {
        reason: 'update',
        raw,
        sourceName: file ? file.name : source.source,
        extractorVersion: EXTRACTOR_VERSION,
      })
      if (!result.unchanged) {
        await ctx.reindex()
        emit('library.changed', { reason: 'update' })
        emit('notes.changed', { article: id })
      }
      return result
    },

    'article.versions': ({ id }) => {
      const current = mustExist(id)
      const rows = versionRows(db, id)
      const texts = allTexts(id).map(articleText)
      const list: ArticleVersion[] = rows.map((v, i) => ({
        version: v.version,
        current: false,
        title: v.title,
        words: v.words,
        importedAt: v.imported_at,
        replacedAt: v.replaced_at,
        reason: v.reason,
        changed: i > 0 ? countChanges(diffTexts(texts[i - 1]!, texts[i]!)) : null,
      }))
      list.push({
        version: currentVersion(db, id),
        current: true,
        title: current.title,
        words: current.words,
        importedAt: currentTextSince(db, id)!,
        replacedAt: null,
        reason: null,
        changed: rows.length ? countChanges(diffTexts(texts.at(-2)!, texts.at(-1)!)) : null,
      })
      return list.reverse()
    },

    'article.changes': ({ id, from }) => {
      mustExist(id)
      const to = currentVersion(db, id)
      const base = from ?? Math.max(1, to - 1)
      if (base > to)
        throw new UserError(
          'not_found',
          `Article ${id} has no version ${base} (the newest is ${to}).`,
        )
      if (base === to)
        return { from: to, to, counts: { added: 0, removed: 0, changed: 0 }, changes: [] }
      const old = readVersion(db, id, base)
      if (!old) throw new UserError('not_found', `Article ${id} has no version ${base}.`)
      const changes = diffTexts(articleText(old.paragraphs), articleText(loadParagraphs(db, id)))
      return { from: base, to, counts: countChanges(changes), changes }
    },

    'article.version': ({ id, version }) => {
      const current = mustExist(id)
      const to = currentVersion(db, id)
      if (version === to) {
        const a = stmt(db, 'SELECT kicker, published, author, url FROM articles WHERE id = ?').get(
          id,
        ) as {
          kicker: string | null
          published: string | null
          author: string | null
          url: string | null
        }
        const paras = stmt(
          db,
          'SELECT kind, text FROM paragraphs WHERE article_id = ? ORDER BY position',
        ).all(id) as { kind: 'p' | 'h'; text: string }[]
        return {
          version,
          title: current.title,
          ...a,
          paragraphs: paras.map((p) => p.text),
          headings: paras.flatMap((p, i) => (p.kind === 'h' ? [i] : [])),
          importedAt: currentTextSince(db, id)!,
        }
      }
      const v = readVersion(db, id, version)
      if (!v)
        throw new UserError(
          'not_found',
          `Article ${id} has no version ${version} (the newest is ${to}).`,
        )
      const { id: _row, ...text } = v
      return text
    },
  }
}
