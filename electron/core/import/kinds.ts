import type { SourceKind } from '../../../shared/types'

const KINDS: Record<string, SourceKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
}

/** The file types Lesesaal imports. */
export const SUPPORTED_EXTENSIONS = Object.keys(KINDS)

/** The source kind for a file name, or null when Lesesaal does not import that type. */
export function kindForName(name: string): SourceKind | null {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase())
  return m ? (KINDS[m[0]] ?? null) : null
}
