/** Importing files, folders, URLs and pasted text. */
import { z } from 'zod'
import type { ImportReport, ImportResult } from '../types'

/** Largest single file the importer accepts (bytes). Bigger files are rejected with `too_large`. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export const importSchemas = {
  'import.paths': z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }),
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
  }),
  'import.text': z.strictObject({
    text: z.string().max(5_000_000),
    title: z.string().trim().max(500).optional(),
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
