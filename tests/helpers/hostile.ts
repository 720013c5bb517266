/**
 * Files that are not articles, or not files at all: what a real folder can hold. Used by the
 * importer's tests and by the fault-injection suite's bad-file batch.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** A short article of our own, in German, unique per `n` (so no two are duplicates). */
export function germanArticle(n: number): string {
  return [
    `Stadtbibliothek verlängert Öffnungszeiten, Meldung ${n}`,
    '',
    `Ab dem kommenden Monat öffnet die Stadtbibliothek auch samstags. Der Kulturausschuss stimmte dem Vorschlag in seiner ${n}. Sitzung einstimmig zu.`,
    '',
    'Die zusätzlichen Stunden werden aus dem Haushalt für Bildung bezahlt. Für Schülerinnen und Schüler gibt es außerdem einen ruhigen Lesesaal im Obergeschoss.',
    '',
  ].join('\n')
}

/** An expected outcome: imported (with the title) or refused with this code. */
export interface Expectation {
  name: string
  code: string | null
  /** A word the one-sentence reason must contain (what the user needs to know). */
  says?: RegExp
}

/**
 * Fills `dir` with good articles and every kind of bad file; returns what the import should
 * report for each, and a function that closes the socket it opened.
 */
export async function badFileBatch(
  dir: string,
): Promise<{ expectations: Expectation[]; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true })
  const e: Expectation[] = []
  const put = (name: string, data: string | Uint8Array, code: string | null, says?: RegExp) => {
    writeFileSync(join(dir, name), data)
    e.push({ name, code, says })
  }
  put('gut-1.txt', germanArticle(1), null)
  put(
    'gut-2.html',
    `<!doctype html><html><head><meta charset="utf-8"><title>Neue Radwege am Hafen</title></head><body><article><h1>Neue Radwege am Hafen</h1><p>Die Stadt baut bis zum Herbst zwei neue Radwege entlang des Hafenbeckens. Der Bauausschuss hat die Pläne am Mittwoch gebilligt.</p><p>Anwohner hatten sich seit Jahren sichere Wege für Fahrräder gewünscht. Die Arbeiten beginnen im Mai.</p></article></body></html>`,
    null,
  )
  put(
    'gut-3.md',
    '# Marktplatz wird Fußgängerzone\n\nDer Marktplatz ist ab Juli für Autos gesperrt. Lieferverkehr bleibt bis zehn Uhr morgens erlaubt.\n\nDie Händler begrüßen die Entscheidung des Stadtrats mehrheitlich.\n',
    null,
  )
  // UTF-16 without a byte-order mark, both byte orders
  put('utf16-ohne-bom.txt', Buffer.from(germanArticle(4), 'utf16le'), null)
  put('utf16be-ohne-bom.txt', Buffer.from(germanArticle(5), 'utf16le').swap16(), null)
  // UTF-8 with five invalid bytes: stays UTF-8 ("Tür", not "TÃ¼r")
  const broken = Buffer.from(
    `${germanArticle(6)}Die Tür zum Lesesaal bleibt bis 22 Uhr geöffnet.\n`,
    'utf8',
  )
  const invalid = Buffer.concat([
    broken.subarray(0, 60),
    Buffer.from([0xff, 0xfe, 0xc3]),
    broken.subarray(60, 120),
    Buffer.from([0x80, 0xbf]),
    broken.subarray(120),
  ])
  put('utf8-mit-fehlern.txt', invalid, null)

  put('leer.txt', '', 'empty_file', /empty/i)
  put('nur-leerzeichen.txt', '   \n\n  \t\n', 'empty_file', /white space|empty/i)
  put('binaer.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 7, 0]), 'binary_file', /binary/i)
  put(
    'bild.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'binary_file',
    /image/i,
  )
  put('zu-gross.txt', Buffer.alloc(21 * 1024 * 1024, 0x61), 'too_large', /MB/)
  put(
    'tief.html',
    `<html><body>${'<div>'.repeat(20_000)}<p>Tief verschachtelt.</p>${'</div>'.repeat(20_000)}</body></html>`,
    'too_deep',
    /deep/i,
  )
  put('tief.md', `${'>'.repeat(20_000)} Tief verschachtelt.\n`, 'too_deep', /deep/i)

  execFileSync('mkfifo', [join(dir, 'pipe.txt')])
  e.push({ name: 'pipe.txt', code: 'not_a_file', says: /pipe/i })
  symlinkSync('/dev/zero', join(dir, 'null-bytes.txt'))
  e.push({ name: 'null-bytes.txt', code: 'not_a_file', says: /device/i })
  symlinkSync('/dev/null', join(dir, 'nichts.txt'))
  e.push({ name: 'nichts.txt', code: 'not_a_file', says: /device/i })
  symlinkSync(join(dir, 'gibt-es-nicht.txt'), join(dir, 'verwaist.txt'))
  e.push({ name: 'verwaist.txt', code: 'not_a_file', says: /link/i })
  symlinkSync(join(dir, 'schleife.txt'), join(dir, 'schleife.txt'))
  e.push({ name: 'schleife.txt', code: 'not_a_file', says: /loop/i })
  // a folder that links back to its parent: walked once, not forever
  mkdirSync(join(dir, 'unter'))
  writeFileSync(join(dir, 'unter', 'gut-7.txt'), germanArticle(7))
  e.push({ name: 'unter/gut-7.txt', code: null })
  symlinkSync('..', join(dir, 'unter', 'zurueck'))

  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.txt'), resolve))
  e.push({ name: 'socket.txt', code: 'not_a_file', says: /socket/i })
  return {
    expectations: e,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
