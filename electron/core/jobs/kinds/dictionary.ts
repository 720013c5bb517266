/** Importing a Ding dictionary as a job: reading, decoding, parsing and storing off the main thread. */
import { readFile } from 'node:fs/promises'
import type { DictionaryImportResult } from '../../../../shared/types'
import { UserError } from '../../../../shared/result'
import { decodeBytes } from '../../import/decode'
import { loadParsers } from '../../import/parsers'
import { importDing } from '../../lexicon/store'
import { defineJob } from '../types'

export interface DictionaryJobInput {
  name: string
  /** Where the file is (also recorded with the dictionary), or null for an upload. */
  path: string | null
  /** The uploaded bytes; absent: read from `path`. */
  bytes?: Uint8Array
}

export const dictionaryJob = defineJob<DictionaryJobInput, DictionaryImportResult>(
  'dict.import',
  async (ctx, input) => {
    let bytes = input.bytes
    if (!bytes) {
      try {
        bytes = await readFile(input.path!)
      } catch {
        throw new UserError('io_error', `The dictionary ${input.path} could not be read.`)
      }
    }
    await loadParsers() // charset detection
    const { text } = decodeBytes(bytes)
    // all or nothing: a cancelled import leaves the lexicon as it was
    const result = importDing(
      ctx.db,
      text,
      input.name,
      input.path,
      (done, total) => {
        ctx.emit('dict.progress', { done, total })
        ctx.progress(done, total, input.name)
      },
      {
        get aborted() {
          return ctx.cancelled()
        },
      },
    )
    ctx.committed()
    return result
  },
)
