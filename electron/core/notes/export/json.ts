/**
 * The JSON export of highlights and notes: everything needed to bring them back, into this
 * library or another one holding the same articles, without duplicates (GUIDs). Articles are
 * named by content hash, URL and title, since ids differ between libraries.
 */
import { z } from 'zod'
import { highlightColors, highlightStatuses } from '../../../../shared/contract/notes'
import type { Collected } from './collect'

export const JSON_FORMAT = 'lesesaal-notes'
export const JSON_VERSION = 1

const isoTime = z.string().min(10).max(40)
const tags = z.array(z.string().min(1).max(100)).max(50)
const guid = z.string().min(8).max(100)
const articleRef = z.object({
  id: z.number().int().positive(),
  hash: z.string().max(100),
  url: z.string().max(4096).nullable(),
  title: z.string().max(2000),
})
const noteSchema = z.object({
  guid,
  body: z.string().max(200_000),
  tags,
  createdAt: isoTime,
  updatedAt: isoTime,
})

/** What an import accepts: checked field by field (the file is untrusted). */
export const notesFileSchema = z.object({
  format: z.literal(JSON_FORMAT),
  version: z.literal(JSON_VERSION),
  exportedAt: isoTime,
  highlights: z.array(
    z.object({
      guid,
      article: articleRef,
      quote: z.string().min(1).max(20_000),
      prefix: z.string().max(200),
      suffix: z.string().max(200),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      color: z.enum(highlightColors),
      status: z.enum(highlightStatuses),
      quoteBefore: z.string().max(20_000).nullable(),
      tags,
      createdAt: isoTime,
      updatedAt: isoTime,
      note: noteSchema.nullable(),
    }),
  ),
  notes: z.array(
    noteSchema.extend({
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('article'), article: articleRef }),
        z.object({
          kind: z.literal('story'),
          story: z.object({ id: z.number().int().positive(), title: z.string().max(2000) }),
        }),
        z.object({ kind: z.literal('lexicon'), lemma: z.string().min(1).max(200) }),
      ]),
    }),
  ),
})
export type NotesFile = z.infer<typeof notesFileSchema>

/** The export as one JSON document. */
export function toNotesJson(c: Collected, now = new Date()): string {
  const note = (n: {
    guid: string
    body: string
    tags: string[]
    createdAt: string
    updatedAt: string
  }) => ({
    guid: n.guid,
    body: n.body,
    tags: n.tags,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  })
  const doc: NotesFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: now.toISOString(),
    highlights: c.articles.flatMap((a) => {
      const article = { id: a.id, hash: a.hash, url: a.url, title: a.title }
      return a.highlights.map((h) => ({
        guid: h.guid,
        article,
        quote: h.quote,
        prefix: h.prefix,
        suffix: h.suffix,
        start: h.start,
        end: h.end,
        color: h.color,
        status: h.status,
        quoteBefore: h.quoteBefore,
        tags: h.tags,
        createdAt: h.createdAt,
        updatedAt: h.updatedAt,
        note: h.note ? note(h.note) : null,
      }))
    }),
    notes: [
      ...c.articles.flatMap((a) =>
        a.notes.map((n) => ({
          ...note(n),
          target: {
            kind: 'article' as const,
            article: { id: a.id, hash: a.hash, url: a.url, title: a.title },
          },
        })),
      ),
      ...c.storyNotes.map((n) => ({
        ...note(n),
        target: {
          kind: 'story' as const,
          story: { id: (n.target as { id: number }).id, title: n.storyTitle },
        },
      })),
      ...c.wordNotes.map((n) => ({
        ...note(n),
        target: { kind: 'lexicon' as const, lemma: (n.target as { lemma: string }).lemma },
      })),
    ],
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}
