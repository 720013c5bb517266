/**
 * The extraction thread of a large import: reads, decodes and extracts the files in order, and
 * analyses each text for the search index, while the import's own thread stores and indexes
 * what came before (and takes a file itself when it would otherwise wait). It runs at most a
 * bounded amount ahead (files and bytes) of what the import took. Built to
 * out/main/extract-worker.js.
 */
import { parentPort } from 'node:worker_threads'
import { MAX_IMPORT_BYTES } from '../../../../shared/contract'
import { indexPositions, keyCount, keyName } from '../../search/analyzer'
import { indexTexts } from '../../search/primed'
import { FIELDS } from '../../search/types'
import { nearProbe } from '../nearProbe'
import { readAtMost, toUserError } from '../sources'
import { pipelineFor, sniffKind } from './extractOne'
import type { AheadFile, FromAhead, ToAhead } from './protocol'

/** Results waiting for the import, at most this many … */
const MAX_WAITING_FILES = 2000
/** … and of about this many bytes (originals and texts). */
const MAX_WAITING_BYTES = 64 << 20

const port = parentPort!
let queue: AheadFile[] = []
let next = new Int32Array(new SharedArrayBuffer(4))
let waitingFiles = 0
let waitingBytes = 0
let keysSent = 0
let wake: (() => void) | null = null

port.on('message', (msg: ToAhead) => {
  if (msg.type === 'files') {
    queue = msg.files
    next = new Int32Array(msg.next)
    void run()
  } else {
    waitingFiles -= msg.files
    waitingBytes -= msg.bytes
  }
  wake?.()
})

/** The key names numbered since the last message, sent with the next one. */
function newKeys(): { keysFrom: number; newKeys: string[] } {
  const from = keysSent
  const names: string[] = []
  for (let id = from; id < keyCount(); id++) names.push(keyName(id))
  keysSent = keyCount()
  return { keysFrom: from, newKeys: names }
}

async function one(file: AheadFile): Promise<FromAhead> {
  try {
    const raw = await readAtMost(file.path, MAX_IMPORT_BYTES)
    const { extractFile, EXTRACTOR_VERSION } = await pipelineFor(sniffKind(file.fileName, raw))
    const x = extractFile(raw, file.fileName)
    const texts = indexTexts(x.article)
    const fields = FIELDS.map((f) => (texts[f] ? indexPositions(texts[f]) : null))
    // the original in a buffer of its own (a small one may share a pool with others)
    const own = new Uint8Array(raw)
    const bytes = own.byteLength + 2 * (texts.text.length + texts.comments.length)
    return {
      type: 'file',
      at: file.at,
      ...newKeys(),
      ok: true,
      x,
      raw: own,
      extractorVersion: EXTRACTOR_VERSION,
      fields,
      probe: nearProbe(x.article.paragraphs),
      bytes,
    }
  } catch (err) {
    const e = toUserError(err)
    return {
      type: 'file',
      at: file.at,
      ...newKeys(),
      ok: false,
      error: { code: e.code, message: e.message },
    }
  }
}

async function run(): Promise<void> {
  for (;;) {
    while (waitingFiles >= MAX_WAITING_FILES || waitingBytes >= MAX_WAITING_BYTES)
      await new Promise<void>((r) => (wake = r))
    wake = null
    // the next file nobody has taken (the import's thread may have taken some itself)
    const i = Atomics.add(next, 0, 1)
    if (i >= queue.length) break
    const result = await one(queue[i]!)
    waitingFiles++
    if (result.ok) {
      waitingBytes += result.bytes
      const transfer = [result.raw.buffer as ArrayBuffer]
      for (const f of result.fields) if (f) transfer.push(f.pairs.buffer as ArrayBuffer)
      port.postMessage(result, transfer)
    } else port.postMessage(result)
    // messages from the import (what it took) are read between files
    await new Promise((r) => setImmediate(r))
  }
}
