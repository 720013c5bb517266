/** Schema pieces several rooms of the contract share. */
import { z } from 'zod'

/** An article, story, highlight … id: a positive whole number. */
export const rowId = z.number().int().positive()
export const articleId = rowId
/** A published date: 2025, 2025-03 or 2025-03-14. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025, 2025-03 or 2025-03-14')
/** A search query as typed. */
export const searchText = z.string().trim().min(1).max(500)
