import { isUtf8 } from 'node:buffer'
import { UserError } from '../../../shared/result'
import { parsers } from './parsers'

/** Decoded text and the encoding it was read with. */
export interface Decoded {
  text: string
  encoding: string
  /** Bytes that were not valid in that encoding and became U+FFFD (the import report says so). */
  replaced: number
}

const lenientUtf8 = new TextDecoder('utf-8')

/** Counts well-formed multi-byte UTF-8 sequences and bytes that cannot be UTF-8. */
export function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < b.length;) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const need =
      c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    let ok = need > 0
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80
    if (ok) {
      valid++
      i += need + 1
    } else {
      invalid++
      i++
    }
  }
  return { valid, invalid }
}

/**
 * UTF-16 without a byte-order mark: in German text nearly every character is below U+0100,
 * so one byte of each pair is zero (the second in little-endian, the first in big-endian).
 */
export function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(head.length, 8192) / 2)
  if (pairs < 2) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++
    if (head[2 * i + 1] === 0) oddZero++
  }
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'utf-16le'
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * Refuses input that is not text: empty files, binaries, documents in container formats.
 * Runs on every imported byte sequence before any decoding.
 */
export function assertText(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UserError('empty_file', 'The file is empty.')
  const head = bytes.subarray(0, 8192)
  const magic = Buffer.from(head.subarray(0, 8)).toString('latin1')
  if (magic.startsWith('%PDF'))
    throw new UserError(
      'unsupported_type',
      'PDF files cannot be imported yet; save the article as text or HTML.',
    )
  if (magic.startsWith('PK\u0003\u0004'))
    throw new UserError(
      'binary_file',
      'This is a ZIP-based document (e.g. .docx or .epub), not text.',
    )
  if (
    magic.startsWith('\u0089PNG') ||
    magic.startsWith('\u00ff\u00d8\u00ff') ||
    magic.startsWith('GIF8')
  ) {
    throw new UserError('binary_file', 'This is an image, not text.')
  }
  // UTF-16 text has NUL bytes too; it announces itself with a byte-order mark, or by its pairs.
  const order = hasUtf16Bom(head) ? 'bom' : utf16Order(head)
  if (order) {
    const text = new TextDecoder(order === 'bom' ? 'utf-16le' : order).decode(head)
    const control = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0
    if (order === 'bom' || control <= text.length * 0.05) return
  }
  let control = 0
  for (const b of head) {
    if (b === 0) throw new UserError('binary_file', 'This looks like a binary file, not text.')
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  if (control > head.length * 0.05)
    throw new UserError('binary_file', 'This looks like a binary file, not text.')
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)
}

/** The charset an HTML document declares in its first bytes (`<meta charset>` or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

/**
 * Decodes imported bytes. Order of trust: a byte-order mark; valid UTF-8 (multi-byte
 * sequences that happen to be valid UTF-8 almost never occur in legacy 8-bit text); the
 * charset the page declares; statistical detection (chardet) among legacy encodings;
 * finally Windows-1252, the superset of Latin-1 that German Windows text is written in.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8', replaced: 0 }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', replaced: 0 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', replaced: 0 }
  const order = utf16Order(bytes)
  if (order) return { text: decodeWith(order, bytes), encoding: order, replaced: 0 }
  // valid UTF-8 is checked and decoded by Node's own fast routines (a large page in a few
  // milliseconds: TextDecoder's fatal mode took ten times as long)
  if (isUtf8(bytes))
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      encoding: 'utf-8',
      replaced: 0,
    }
  // not valid UTF-8: mostly UTF-8 with a few broken bytes, or a legacy encoding
  // Mostly UTF-8 with a few broken bytes (a page stitched together from two sources, a
  // truncated download): read it as UTF-8 and replace those bytes, rather than turn every
  // umlaut into "Ã¼". A page that declares UTF-8 is believed with more broken bytes.
  const { valid, invalid } = utf8Sequences(bytes)
  const lossy: Decoded = { text: lenientUtf8.decode(bytes), encoding: 'utf-8', replaced: invalid }
  const declaredUtf8 = declared === 'utf-8' || declared === 'utf8'
  if (valid > 0 && (valid >= 8 * invalid || (declaredUtf8 && valid >= invalid))) return lossy
  // Candidates in order of trust; the best-scoring decoding wins, ties go to the earlier one.
  const candidates: string[] = []
  if (declared && declared !== 'utf-8' && declared !== 'utf8') candidates.push(declared)
  candidates.push('windows-1252')
  let best: Decoded | null = null
  let bestScore = -Infinity
  // The declared charset or Windows-1252 reading German letters and no control characters is
  // the answer for almost every German page; statistics are asked only when neither is.
  for (const name of candidates) {
    const label = legacyLabel(name)
    if (!label) continue
    const text = new TextDecoder(label).decode(bytes)
    if (/[äöüÄÖÜß]/.test(text) && !/[\u0080-\u009f\ufffd]/.test(text))
      return { text, encoding: label, replaced: 0 }
  }
  // statistical detection needs a sample, not a whole page (it is slow on large files)
  for (const match of parsers().analyse(bytes.subarray(0, 65536))) {
    if (match.confidence >= 30 && isSingleByte(match.name)) candidates.push(match.name)
  }
  for (const name of candidates) {
    const label = legacyLabel(name)
    if (!label) continue
    let text: string
    try {
      text = new TextDecoder(label, { fatal: true }).decode(bytes)
    } catch {
      continue
    }
    const score = plausibility(text)
    if (score > bestScore) {
      best = { text, encoding: label, replaced: 0 }
      bestScore = score
    }
  }
  // UTF-8 with more broken bytes competes on the same terms: each replaced byte costs.
  if (valid > 0 && plausibility(lossy.text) > bestScore) return lossy
  // windows-1252 leaves five bytes undefined; Latin-1 maps every byte.
  return (
    best ?? { text: new TextDecoder('latin1').decode(bytes), encoding: 'iso-8859-1', replaced: 0 }
  )
}

/**
 * How much a decoding looks like German text: letters and punctuation it uses, minus C1
 * controls, replacement characters and the marks of UTF-8 read as Windows-1252 ("Ã¼", "â€ž").
 */
function plausibility(text: string): number {
  const good = text.match(/[äöüÄÖÜß„“‚‘–—€«»éè]/g)?.length ?? 0
  const bad = text.match(/[\u0080-\u009f\ufffd]/g)?.length ?? 0
  const mojibake =
    text.match(
      /[ÃÂ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€/g,
    )?.length ?? 0
  return good - 5 * bad - 5 * mojibake
}

function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    throw new UserError(
      'decode_failed',
      `The file claims to be ${label} but is not valid ${label}.`,
    )
  }
}

function isSingleByte(name: string): boolean {
  return /^(ISO-8859-\d+|windows-125\d|KOI8-R)$/i.test(name)
}

/**
 * Maps a detected or declared name to a WHATWG encoding label. Latin-1 is read as
 * Windows-1252, exactly as browsers do: the two agree on every printable Latin-1 byte, and
 * 1252 also has „ “ – € that German texts labelled Latin-1 often contain.
 */
function legacyLabel(name: string): string | null {
  const n = name.toLowerCase()
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'latin-1' || n === 'us-ascii' || n === 'ascii')
    return 'windows-1252'
  try {
    return new TextDecoder(n).encoding
  } catch {
    return null
  }
}
