/** Cleaner text over time: page furniture learnt per outlet, and re-extraction of stored originals. */
import { z } from 'zod'
import type { FurnitureRule, ReextractReport } from '../types'
import { articleId } from './common'

export const extractionSchemas = {
  'library.reextract': z.strictObject({
    // none: every article (or, with `outdated`, those extracted by an older extractor)
    ids: z.array(articleId).max(1_000_000).default([]),
    outdated: z.boolean().default(false),
  }),
  /** How many articles an older extractor made (the library offers to extract them again). */
  'library.outdated': z.strictObject({}),
  'furniture.list': z.strictObject({
    outlet: z.string().min(1).max(200).nullable().default(null),
  }),
  'furniture.mark': z.strictObject({
    id: articleId,
    text: z.string().trim().min(1).max(5000),
    scope: z.enum(['outlet', 'everywhere']).default('outlet'),
  }),
  'furniture.remove': z.strictObject({ id: z.number().int().positive() }),
} as const

export interface ExtractionResults {
  'library.reextract': ReextractReport
  'library.outdated': { count: number }
  'furniture.list': FurnitureRule[]
  'furniture.mark': { rule: FurnitureRule; report: ReextractReport }
  'furniture.remove': { removed: boolean; report: ReextractReport }
}

export interface ExtractionEvents {
  /** Progress of a re-extraction (articles done). */
  'reextract.progress': { done: number; total: number }
}
