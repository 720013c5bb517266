/** The lexicon: glossary lookups, own terms, imported dictionaries. */
import { z } from 'zod'
import type {
  DictionaryImportResult,
  DictionaryStatus,
  LexiconEntry,
  TermMatch,
  WordInfo,
} from '../types'
import { articleId } from './common'

/** Largest dictionary file (Debian's trans-de-en is about 25 MB). */
export const MAX_DICTIONARY_BYTES = 80 * 1024 * 1024

export const lexiconSchemas = {
  'lexicon.lookup': z.strictObject({
    word: z.string().trim().min(1).max(120),
    // the text around the word, for separable verbs ("kam … heraus")
    context: z
      .strictObject({
        text: z.string().max(5000),
        offset: z.number().int().min(0).max(5000),
        article: articleId.optional(),
      })
      .optional(),
  }),
  'lexicon.terms': z.strictObject({ id: articleId }),
  'lexicon.entries': z.strictObject({
    filter: z.string().max(120).default(''),
    source: z.enum(['glossary', 'user', 'builtin', 'dict', 'all']).default('glossary'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'lexicon.save': z.strictObject({
    id: articleId.optional(),
    entry: z.strictObject({
      lemma: z.string().trim().min(1).max(200),
      pos: z.enum(['noun', 'verb', 'adj', 'adv', 'phrase', 'abbr', 'other']),
      gender: z.enum(['m', 'f', 'n', 'pl']).nullable().optional(),
      plural: z.string().trim().max(200).nullable().optional(),
      gloss: z.string().trim().min(1).max(500),
      explanation: z.string().trim().max(1000).nullable().optional(),
      domain: z.string().trim().max(50).nullable().optional(),
      forms: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    }),
  }),
  'lexicon.delete': z.strictObject({ id: articleId }),
  'lexicon.note': z.strictObject({
    lemma: z.string().trim().min(1).max(200),
    note: z.string().max(5000),
  }),
  'lexicon.export': z.strictObject({
    source: z.enum(['glossary', 'user', 'builtin', 'dict', 'all']).default('glossary'),
    /** The language of the column headers (the UI's). */
    language: z.enum(['de', 'en']).default('en'),
  }),
  'dict.status': z.strictObject({}),
  'dict.import': z.strictObject({
    name: z.string().trim().min(1).max(200),
    path: z.string().min(1).max(4096).optional(),
    data: z
      .base64()
      .max(Math.ceil((MAX_DICTIONARY_BYTES * 4) / 3) + 4)
      .optional(),
  }),
  'dict.importSystem': z.strictObject({}),
} as const

export interface LexiconResults {
  'lexicon.lookup': WordInfo
  'lexicon.terms': { title: TermMatch[]; paragraphs: TermMatch[][] }
  'lexicon.entries': { entries: LexiconEntry[]; total: number }
  'lexicon.save': LexiconEntry
  'lexicon.delete': { deleted: boolean }
  'lexicon.note': { note: string | null }
  'lexicon.export': { csv: string; filename: string }
  'dict.status': DictionaryStatus
  'dict.import': DictionaryImportResult
  'dict.importSystem': DictionaryImportResult
}

export interface LexiconEvents {
  /** Progress of a dictionary import (lines read). */
  'dict.progress': { done: number; total: number }
}
