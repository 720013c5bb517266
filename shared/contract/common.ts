/** Schema pieces several rooms of the contract share. */
import { z } from 'zod'
import { dateProblem, dateProblemSentence } from '../dates'

/** An article, story, highlight … id: a positive whole number. */
export const rowId = z.number().int().positive()
export const articleId = rowId
/** A date, or a month or year: `2025-03-14`, `2025-03`, `2025`; one that exists. */
export const partialDate = z.string().superRefine((date, ctx) => {
  const problem = dateProblem(date)
  if (problem) ctx.addIssue({ code: 'custom', message: dateProblemSentence(date, problem) })
})
/** A search query as typed. */
export const searchText = z
  .string()
  .trim()
  .min(1, 'Type something to search for.')
  .max(500, 'A search can be at most 500 characters long.')
