/**
 * One file's extraction as the import does it, wherever it runs (the import's own thread or
 * the extraction thread): its kind sniffed, the parsers that kind needs loaded on first
 * need, then the pipeline.
 */
import type { SourceKind } from '../../../../shared/types'
import { kindForName } from '../kinds'
import { loadParsers, looksLikeHtml } from '../parsers'

/**
 * The extraction pipeline, with the parsing libraries this kind of input needs (loaded on
 * first need only, so listing and reading start fast and plain text never loads a DOM).
 */
export async function pipelineFor(kind: SourceKind | null) {
  const [mod] = await Promise.all([import('../pipeline'), loadParsers(kind ?? 'txt')])
  return mod
}

/** The kind an input will be extracted as: by its name, and a saved page named .txt is HTML. */
export function sniffKind(fileName: string, raw: Uint8Array): SourceKind | null {
  const kind = kindForName(fileName)
  if (kind === 'txt' && looksLikeHtml(Buffer.from(raw.subarray(0, 512)).toString('latin1')))
    return 'html'
  return kind
}
