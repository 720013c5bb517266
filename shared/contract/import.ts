/** Importing files, folders, URLs and pasted text. */
import { z } from 'zod'
import type { ImportReport, ImportResult } from '../types'

/** Largest single file the importer accepts (bytes). Bigger files are rejected with `too_large`. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** What to do with a text nearly the same as an article of the library: report it, or import it anyway. */
export const nearDuplicateMode = z.enum(['skip', 'import']).default('skip')

export const importSchemas = {
  'import.paths': z.strictObject({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
    nearDuplicates: nearDuplicateMode,
  }),
  'import.files': z.strictObject({
    files: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(1024),
          data: z.base64().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
        }),
      )
      .min(1)
      .max(500),
    nearDuplicates: nearDuplicateMode,
  }),
  'import.text': z.strictObject({
    text: z.string().max(5_000_000),
    title: z.string().trim().max(500).optional(),
    nearDuplicates: nearDuplicateMode,
  }),
} as const

export interface ImportResults {
  'import.paths': ImportReport
  'import.files': ImportReport
  'import.text': ImportResult
}

export interface ImportEvents {
  /** Progress of a running import. */
  'import.progress': { done: number; total: number; source: string }
}
