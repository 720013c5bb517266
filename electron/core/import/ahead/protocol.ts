/** What the import and its extraction thread say to each other. */
import type { IndexPositions } from '../../search/analyzer'
import type { NearProbe } from '../nearProbe'
import type { Extraction } from '../pipeline'

/** A file for the extraction thread: its place in the import, its path and name. */
export interface AheadFile {
  at: number
  path: string
  fileName: string
}

export type ToAhead =
  /**
   * The files, in the order the import takes them, and the number of the next file nobody
   * has taken yet (one Int32 shared by both threads: the import's thread takes a file itself
   * when it would otherwise wait for it).
   */
  | { type: 'files'; files: AheadFile[]; next: SharedArrayBuffer }
  /** The import took this many results (and their bytes): the thread may run that far ahead. */
  | { type: 'took'; files: number; bytes: number }

export type FromAhead = {
  type: 'file'
  at: number
  /** The names of the keys the thread numbered from `keysFrom` on, since its last message. */
  keysFrom: number
  newKeys: string[]
} & (
  | {
      ok: true
      x: Extraction
      raw: Uint8Array
      extractorVersion: number
      /** The index analysis of each field's text (FIELDS order), null for an empty one. */
      fields: (IndexPositions | null)[]
      /** What the near-duplicate check asks of the text. */
      probe: NearProbe
      /** What the result weighs, for the thread's bound on what waits. */
      bytes: number
    }
  | { ok: false; error: { code: string; message: string } }
)
