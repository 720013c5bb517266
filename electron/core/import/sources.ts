/**
 * Where imported bytes come from: paths (files, folders walked recursively), URLs and uploads.
 *
 * Danger: a folder can hold things that are not files. A FIFO blocks a reader forever, a link
 * to /dev/zero never ends, a socket cannot be read, a link can point nowhere or to itself.
 * Each is refused by its type before a byte is read (checked on the path, then again on the
 * opened descriptor, which a FIFO opened without blocking cannot stall), and reading stops
 * at the size cap by the bytes actually read, never trusting the size the file system
 * reports (a /proc file says 0, a device says 0 and never ends).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { MAX_IMPORT_BYTES } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import { failedImport, type ImportResult } from '../../../shared/types'
import { databaseError } from '../db/errors'
import { kindForName } from './kinds'

/** One thing to import: where it came from, and how to get its bytes. */
export interface ImportSource {
  /** What the user knows it by: the path, URL or uploaded file name. */
  source: string
  /** The file name that decides its type (.txt, .html, .md). */
  fileName: string
  read: () => Promise<Uint8Array>
  /** A file's path (files only): a large import may have another thread read it. */
  path?: string
}

const FETCH_TIMEOUT_MS = 20_000
/**
 * The reused buffer that reads past a file's stated size (one per thread). A fresh megabyte
 * per file for that last, empty read was 1.3 GB a second of memory outside V8's heap in a
 * large import, and a full garbage collection every 50 ms.
 */
const SCRATCH_BYTES = 1 << 16
let scratch: Buffer | undefined

/** Expands paths and URLs into import sources; folders are walked recursively. */
export async function sourcesFromPaths(
  paths: string[],
): Promise<{ sources: (ImportSource | ImportResult)[]; skipped: number }> {
  const sources: (ImportSource | ImportResult)[] = []
  let skipped = 0
  for (const p of paths) {
    if (/^https?:\/\//i.test(p)) {
      sources.push(urlSource(p))
      continue
    }
    let info: Stats
    try {
      info = await statFollowing(p)
    } catch (err) {
      sources.push(failed(p, err))
      continue
    }
    if (info.isDirectory()) {
      const found = await walkFolder(p)
      skipped += found.skipped
      sources.push(...found.entries.map((e) => (typeof e === 'string' ? fileSource(e) : e)))
      if (found.entries.length === 0) {
        sources.push(
          failed(p, new UserError('no_text', 'The folder has no .txt, .html, .htm or .md files.')),
        )
      }
    } else if (info.isFile()) {
      sources.push(fileSource(p))
    } else {
      sources.push(failed(p, notAFile(info)))
    }
  }
  return { sources, skipped }
}

/**
 * The files of a folder and its subfolders that are articles (by extension), in name order.
 * What cannot be read (a folder without permission, a link to nowhere, a pipe named .txt) is
 * reported by name; other files are only counted as skipped.
 */
export async function walkFolder(
  root: string,
): Promise<{ entries: (string | ImportResult)[]; skipped: number }> {
  const entries: (string | ImportResult)[] = []
  let skipped = 0
  const visited = new Set<string>()
  // an explicit stack instead of recursion: depth is whatever the disk holds
  const stack: string[] = [root]
  while (stack.length) {
    const dir = stack.pop()!
    let real: string
    try {
      real = await realpath(dir)
    } catch (err) {
      entries.push(failed(dir, err, 'folder'))
      continue
    }
    if (visited.has(real)) continue // a link back to a folder already walked
    visited.add(real)
    let names
    try {
      names = await readdir(dir, { withFileTypes: true })
    } catch (err) {
      entries.push(failed(dir, err, 'folder'))
      continue
    }
    names.sort((a, b) => a.name.localeCompare(b.name))
    const subfolders: string[] = []
    for (const e of names) {
      // hidden files and the asset folders browsers save next to a page are not articles
      if (e.name.startsWith('.') || /_(?:files|Dateien)$/.test(e.name)) {
        skipped++
        continue
      }
      const full = join(dir, e.name)
      const article = kindForName(e.name) !== null
      if (e.isDirectory()) {
        subfolders.push(full)
      } else if (e.isFile()) {
        if (article) entries.push(full)
        else skipped++
      } else if (e.isSymbolicLink()) {
        let target: Stats
        try {
          target = await statFollowing(full)
        } catch (err) {
          if (article) entries.push(failed(full, err))
          else skipped++
          continue
        }
        if (target.isDirectory()) subfolders.push(full)
        else if (!article) skipped++
        else if (target.isFile()) entries.push(full)
        else entries.push(failed(full, notAFile(target)))
      } else if (article) {
        // a FIFO, socket or device that is named like an article
        entries.push(failed(full, notAFile(await lstat(full))))
      } else {
        skipped++
      }
    }
    // depth first, in name order
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!)
  }
  // keep the order a reader expects: by path
  const key = (e: string | ImportResult) => (typeof e === 'string' ? e : e.source)
  entries.sort((a, b) => comparePaths(key(a), key(b)))
  return { entries, skipped }
}

/** Orders paths folder by folder ("a/z.txt" before "a/b/c.txt" is not wanted: compare parts). */
function comparePaths(a: string, b: string): number {
  const pa = a.split('/')
  const pb = b.split('/')
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]!.localeCompare(pb[i]!)
  }
  return pa.length - pb.length
}

/** A file on disk, read when its turn comes. */
export function fileSource(path: string): ImportSource {
  return {
    source: path,
    fileName: basename(path),
    path,
    read: () => readAtMost(path, MAX_IMPORT_BYTES),
  }
}

/**
 * Reads a regular file, refusing anything else by the type of the opened descriptor, and at
 * most `cap` bytes: one byte more and it is too large, whatever `stat` says its size is.
 */
export async function readAtMost(path: string, cap: number): Promise<Uint8Array> {
  // refused by type before opening: opening a device can have effects of its own (asked
  // synchronously first, like the read; the asynchronous way words the refusals)
  let before: Stats
  try {
    before = statSync(path)
  } catch {
    before = await statFollowing(path)
  }
  if (!before.isFile()) throw notAFile(before)
  return readRegular(path, cap)
}

/**
 * Opens and reads a file that was a regular file a moment ago, synchronously: a news
 * article is read in a few microseconds, where five trips through the thread pool cost more
 * than extracting it (imports run in a worker or in the command line, never on the app's
 * main thread). The buffer is as big as the file says it is, and one byte more: a file that
 * grew meanwhile is read on, and no large buffer is kept alive by a small file's bytes.
 */
function readRegular(path: string, cap: number): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
  } catch (err) {
    throw fsError(err, 'file')
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw notAFile(info)
    if (info.size > cap) throw tooLarge(info.size)
    const chunks: Buffer[] = []
    let total = 0
    // the file's own size and one byte more; whatever follows (a file that grew meanwhile,
    // and the end of the file, which every file is read up to) goes through one reused
    // buffer and is copied out only when there is something
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(info.size + 1, cap + 1))
    for (;;) {
      let bytesRead: number
      try {
        bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, cap + 1 - total), null)
      } catch (err) {
        throw fsError(err, 'file')
      }
      if (bytesRead === 0) break
      chunks.push(
        buffer === scratch
          ? Buffer.from(buffer.subarray(0, bytesRead))
          : buffer.subarray(0, bytesRead),
      )
      total += bytesRead
      if (total > cap) throw tooLarge(null)
      buffer = scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  } finally {
    try {
      closeSync(fd)
    } catch {
      // closing a descriptor that was only read cannot lose anything
    }
  }
}

function urlSource(url: string): ImportSource {
  return {
    source: url,
    fileName: 'page.html',
    read: async () => {
      let res: Response
      try {
        res = await fetch(url, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
          redirect: 'follow',
        })
      } catch (err) {
        const timeout = (err as Error).name === 'TimeoutError'
        throw new UserError(
          'io_error',
          timeout
            ? `The page did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds.`
            : 'The page could not be fetched (no connection to its server).',
        )
      }
      if (!res.ok)
        throw new UserError(
          'io_error',
          `The server answered ${res.status} ${res.statusText}.`.replace(' .', '.'),
        )
      const type = res.headers.get('content-type') ?? ''
      if (type && !/text\/html|application\/xhtml|text\/plain|text\/markdown/i.test(type)) {
        throw new UserError(
          'unsupported_type',
          `The page is ${type.split(';')[0]}, not a web page or text.`,
        )
      }
      return readResponse(res, MAX_IMPORT_BYTES)
    },
  }
}

/** A response body up to `cap` bytes; a server that sends more is cut off, not believed. */
async function readResponse(res: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > cap) {
    await res.body?.cancel().catch(() => {})
    throw tooLarge(declared)
  }
  if (!res.body) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > cap) {
      await reader.cancel().catch(() => {})
      throw tooLarge(null)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}

/** An uploaded file (renderer drag and drop, file picker). */
export function bufferSource(name: string, bytes: Uint8Array): ImportSource {
  return {
    source: name,
    fileName: basename(name),
    read: async () => {
      if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(bytes.length)
      return bytes
    },
  }
}

export function tooLarge(size: number | null): UserError {
  const limit = MAX_IMPORT_BYTES / 1048576
  return new UserError(
    'too_large',
    size === null
      ? `The file is larger than ${limit} MB; articles over ${limit} MB are not imported.`
      : `The file is ${(size / 1048576).toFixed(1)} MB; articles over ${limit} MB are not imported.`,
  )
}

/** `stat` that tells a link to nowhere and a link loop apart from a missing file. */
async function statFollowing(path: string): Promise<Stats> {
  try {
    return await stat(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      const link = await lstat(path).catch(() => null)
      if (link?.isSymbolicLink())
        throw new UserError('not_a_file', 'The link points to a file that does not exist.')
    }
    if (code === 'ELOOP')
      throw new UserError('not_a_file', 'The link loops back on itself and leads to no file.')
    throw fsError(err, 'file or folder')
  }
}

/** The one sentence for something that exists but is not a file. */
export function notAFile(info: Stats): UserError {
  const what = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : info.isDirectory()
          ? 'a folder'
          : 'not a regular file'
  return new UserError('not_a_file', `This is ${what}, not a file with text; it was not read.`)
}

/** A system error as one sentence a user can act on; the code goes to the log only. */
export function fsError(err: unknown, what: 'file' | 'folder' | 'file or folder'): UserError {
  if (err instanceof UserError) return err
  const code = (err as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return new UserError('io_error', `There is no ${what} at this path.`)
    case 'EACCES':
    case 'EPERM':
      return new UserError(
        'permission_denied',
        `Permission denied: Lesesaal may not read this ${what === 'folder' ? 'folder' : what === 'file' ? 'file' : 'path'}.`,
      )
    case 'ENOTDIR':
      return new UserError('io_error', 'A part of this path is a file, not a folder.')
    case 'ENAMETOOLONG':
      return new UserError('io_error', 'The path is too long.')
    case 'EMFILE':
    case 'ENFILE':
      return new UserError('io_error', 'Too many files are open at once; try again in a moment.')
    case 'EIO':
      return new UserError('io_error', 'The disk reported a read error for this file.')
    case 'ELOOP':
      return new UserError('not_a_file', 'The link loops back on itself and leads to no file.')
    default:
      console.error(`[lesesaal] reading failed (${code ?? 'unknown'}):`, err)
      return new UserError('io_error', `The ${what} could not be read.`)
  }
}

/** A failed result for one path (folders say so: "this folder"). */
export function failed(
  source: string,
  err: unknown,
  what: 'file' | 'folder' = 'file',
): ImportResult {
  const e = err instanceof UserError ? err : toUserError(err, what)
  return failedImport(source, { code: e.code, message: e.message })
}

/**
 * Any error thrown while importing one source, as a UserError. A stack overflow deep in a
 * parser is the page's nesting, not a bug the user can act on; anything else unexpected is
 * logged with its stack and reported as one sentence.
 */
export function toUserError(err: unknown, what: 'file' | 'folder' = 'file'): UserError {
  if (err instanceof UserError) return err
  const db = databaseError(err)
  if (db) return db
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return new UserError(
      'too_deep',
      'The file is nested too deeply to be read as an article (a page of boxes within boxes).',
    )
  if ((err as NodeJS.ErrnoException)?.code) return fsError(err, what)
  console.error('[lesesaal] import failed:', err)
  return new UserError(
    'internal',
    `The ${what} could not be imported because of an unexpected problem (the details are in the log).`,
  )
}
