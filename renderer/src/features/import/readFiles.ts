/** Turning dropped or picked files and folders into uploads for `import.files`. */

export interface PickedFile {
  file: File
  /** Shown in the import report: the name, or the path inside a dropped folder. */
  path: string
}

const SUPPORTED = /\.(?:txt|text|html?|xhtml|md|markdown)$/i

/** Inside folders only article files count; hidden files and other types are skipped. */
export function isArticleFile(path: string): boolean {
  return SUPPORTED.test(path) && !path.split('/').some((part) => part.startsWith('.'))
}

/** Files from an <input type=file>. Folder picks carry a relative path and are filtered. */
export function filesFromInput(list: FileList | File[]): { files: PickedFile[]; skipped: number } {
  const files: PickedFile[] = []
  let skipped = 0
  for (const file of Array.from(list)) {
    const path = file.webkitRelativePath || file.name
    if (file.webkitRelativePath && !isArticleFile(path)) skipped++
    else files.push({ file, path })
  }
  return { files, skipped }
}

/** Files and folders dropped on the window; folders are read recursively. */
export async function filesFromDrop(
  data: DataTransfer,
): Promise<{ files: PickedFile[]; skipped: number }> {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e)
  if (entries.length === 0) return filesFromInput(Array.from(data.files))
  const files: PickedFile[] = []
  let skipped = 0
  const visit = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      const path = entry.fullPath.replace(/^\//, '')
      if (inFolder && !isArticleFile(path)) {
        skipped++
        return
      }
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      )
      files.push({ file, path })
    } else if (entry.isDirectory) {
      if (inFolder && entry.name.startsWith('.')) return
      for (const child of await readAll(entry as FileSystemDirectoryEntry)) await visit(child, true)
    }
  }
  for (const e of entries) await visit(e, false)
  return { files, skipped }
}

async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const all: FileSystemEntry[] = []
  // readEntries returns at most ~100 entries per call
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return all.sort((a, b) => a.name.localeCompare(b.name))
    all.push(...batch)
  }
}

/** A file's bytes as base64, for the JSON transport. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** Splits uploads into batches of at most `maxFiles` files and about `maxBytes` bytes. */
export function batches<T extends { file: { size: number } }>(
  items: T[],
  maxFiles = 20,
  maxBytes = 24 * 1024 * 1024,
): T[][] {
  const out: T[][] = []
  let current: T[] = []
  let size = 0
  for (const item of items) {
    if (current.length && (current.length >= maxFiles || size + item.file.size > maxBytes)) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(item)
    size += item.file.size
  }
  if (current.length) out.push(current)
  return out
}
