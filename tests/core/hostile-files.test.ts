/**
 * Files that are not files, and text that is not quite what it claims: refused by type before
 * reading, read up to a cap, decoded without losing a word, each failure one sentence.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { readAtMost } from '../../electron/core/import/importer'
import { decodeBytes } from '../../electron/core/import/decode'
import { loadParsers } from '../../electron/core/import/parsers'
import { call, tempDir, testCore } from '../helpers/core'
import { badFileBatch, germanArticle } from '../helpers/hostile'

describe('a folder of hostile files', () => {
  it('imports the good ones and names each bad one with one sentence, without hanging', async () => {
    const dir = tempDir()
    const { expectations, close } = await badFileBatch(dir)
    try {
      const core = testCore()
      const started = Date.now()
      const report = await call(core, 'import.paths', { paths: [dir] })
      expect(Date.now() - started).toBeLessThan(25_000) // a FIFO or /dev/zero would hang it
      const bySource = new Map(report.results.map((r) => [r.source.slice(dir.length + 1), r]))
      for (const x of expectations) {
        const r = bySource.get(x.name)
        expect(r, x.name).toBeDefined()
        if (x.code === null) {
          expect(r!.error, x.name).toBeNull()
          expect(r!.id, x.name).toBeGreaterThan(0)
        } else {
          expect(r!.error?.code, x.name).toBe(x.code)
          const message = r!.error!.message
          expect(message, x.name).toMatch(x.says!)
          // one sentence: no line breaks, no error codes or stack frames
          expect(message, x.name).toMatch(/^[A-Z][^\n]*[.!]$/)
          expect(message, x.name).not.toMatch(/E[A-Z]{3,}|Unexpected|\bat \w+ \(/)
        }
      }
      // the folder that links back to its parent was walked once
      expect([...bySource.keys()].filter((k) => k.includes('gut-7'))).toEqual(['unter/gut-7.txt'])
    } finally {
      await close()
    }
  })

  it('keeps a UTF-8 text with a few invalid bytes as UTF-8 and says so', async () => {
    const core = testCore()
    const dir = tempDir()
    const text = Buffer.from(
      `${germanArticle(1)}Die Tür zum Lesesaal bleibt bis 22 Uhr geöffnet, für Übersetzer länger.\n`,
    )
    const withErrors = Buffer.concat([
      text.subarray(0, 50),
      Buffer.from([0xff, 0xfe]),
      text.subarray(50, 100),
      Buffer.from([0x80, 0xbf, 0xc3]),
      text.subarray(100),
    ])
    writeFileSync(join(dir, 'tuer.txt'), withErrors)
    const report = await call(core, 'import.paths', { paths: [join(dir, 'tuer.txt')] })
    const r = report.results[0]!
    expect(r.error).toBeNull()
    expect(r.warning?.code).toBe('invalid_bytes')
    expect(r.warning?.message).toMatch(/5 bytes/)
    const article = await call(core, 'article.get', { id: r.id! })
    const body = article.paragraphs.join('\n')
    expect(body).toContain('Die Tür zum Lesesaal')
    expect(body).toContain('für Übersetzer')
    expect(body).not.toContain('Ã')
    expect(article.title).toContain('verlängert Öffnungszeiten')
  })

  it('reads UTF-16 without a byte-order mark in either byte order', async () => {
    await loadParsers()
    const le = Buffer.from(germanArticle(2), 'utf16le')
    const be = Buffer.from(germanArticle(2), 'utf16le').swap16()
    expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', text: germanArticle(2) })
    expect(decodeBytes(be)).toMatchObject({ encoding: 'utf-16be', text: germanArticle(2) })
  })

  it('still reads a Windows-1252 text as Windows-1252', async () => {
    await loadParsers()
    const legacy = Buffer.from('Die Bürger der Köpenicker Straße ändern nichts.', 'latin1')
    expect(decodeBytes(legacy)).toMatchObject({
      encoding: 'windows-1252',
      text: 'Die Bürger der Köpenicker Straße ändern nichts.',
      replaced: 0,
    })
  })
})

describe('reading a file', () => {
  it('stops at the cap by the bytes it read, whatever the file system says the size is', async () => {
    // /proc files say they are empty; this one is not
    await expect(readAtMost('/proc/self/status', 100)).rejects.toMatchObject({
      code: 'too_large',
    })
    const dir = tempDir()
    writeFileSync(join(dir, 'kurz.txt'), 'Kurz.')
    expect(Buffer.from(await readAtMost(join(dir, 'kurz.txt'), 100)).toString()).toBe('Kurz.')
  })

  it('reads a file longer than its stated size whole, piece after piece', async () => {
    // /proc files say they are empty: all of this one (hundreds of kilobytes: a line per
    // property of every memory mapping of this process) is read past its stated size
    const text = Buffer.from(await readAtMost('/proc/self/smaps', 1 << 24)).toString()
    expect(text.length).toBeGreaterThan(4 * 65536)
    const lines = text.split('\n')
    expect(lines.pop()).toBe('')
    // every line whole: no piece was written over by the next
    for (const line of lines)
      expect(line).toMatch(/^(?:[0-9a-f]+-[0-9a-f]+ [-rwxps]{4} |[A-Z][A-Za-z_]*:\s)/)
  })

  it('asks for no more memory than a small file needs (a large import reads thousands)', async () => {
    const dir = tempDir()
    const text = 'Der Stadtrat hat am Dienstag getagt. '.repeat(40)
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `${i}.txt`), text)
    await readAtMost(join(dir, '0.txt'), 1 << 24) // the one buffer kept for reading on
    const allocs = vi.spyOn(Buffer, 'allocUnsafe')
    try {
      for (let i = 0; i < 50; i++)
        expect(Buffer.from(await readAtMost(join(dir, `${i}.txt`), 1 << 24)).toString()).toBe(text)
      const asked = allocs.mock.calls.reduce((sum, [size]) => sum + size, 0)
      // each file's own size and one byte more, not a megabyte per file
      expect(asked).toBeLessThanOrEqual(50 * (Buffer.byteLength(text) + 1))
    } finally {
      allocs.mockRestore()
    }
  })

  it('says in one sentence what is missing, instead of a system error code', async () => {
    const core = testCore()
    const dir = tempDir()
    const report = await call(core, 'import.paths', {
      paths: [join(dir, 'fehlt.txt'), join(dir, 'fehlt')],
    })
    for (const r of report.results) {
      expect(r.error!.message).toMatch(/^There is no file or folder /)
      expect(r.error!.message).not.toMatch(/ENOENT|Unexpected/)
    }
  })
})
