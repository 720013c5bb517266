/**
 * The lexicon's word list (half a million words with Debian's dictionary) is built in slices:
 * the first lookup waits for it, the window's other calls do not (they were held about a
 * second on every start, and again after each change of the lexicon).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, tempDir, testCore } from '../helpers/core'
import { importArticles } from '../helpers/parallel'

/** A dictionary of `n` made-up nouns and verbs in Ding's format. */
function dictionary(n: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    lines.push(`Wortmarke${i} {f} | Wortmarken${i} {pl} :: word mark ${i} | word marks ${i}`)
    lines.push(
      `abmarken${i} {vt} | abmarkend${i} | abgemarkt${i} :: to mark off ${i} | marking off | marked off`,
    )
  }
  return `${lines.join('\n')}\n`
}

describe('the word list', () => {
  it('is built while other calls are answered, and the lookup waiting for it is right', async () => {
    const core = testCore({ libraryPath: join(tempDir(), 'lib.sqlite') })
    const path = join(tempDir(), 'gross.ding')
    writeFileSync(path, dictionary(60_000))
    await call(core, 'dict.import', { path, name: 'Groß' })
    const [article] = await importArticles(core, [
      {
        title: 'Marken im Rathaus',
        outlet: 'Hanse-Kurier',
        published: '2025-03-14',
        paragraphs: ['Die Stadt setzt Wortmarken ein. Die Verwaltung will die Flächen abmarken.'],
      },
    ])
    // as after a start or another process's change of the lexicon
    core.lexicon.invalidate()
    // the event loop's turns while the lookup waits: a build at once is one long task
    let longest = 0
    let waiting = true
    let last = performance.now()
    const tick = () => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
      if (waiting) setImmediate(tick)
    }
    setImmediate(tick)
    const started = performance.now()
    const info = await call(core, 'lexicon.lookup', { word: 'Wortmarken123' })
    const total = performance.now() - started
    waiting = false
    longest = Math.max(longest, performance.now() - last)
    expect(info).toMatchObject({ lemma: 'Wortmarke123', gloss: 'word mark 123' })
    // other work gets its turn every few milliseconds, not once the whole list is built
    expect(total).toBeGreaterThan(100)
    expect(longest).toBeLessThan(total / 2)
    // meanwhile another call is answered
    core.lexicon.invalidate()
    const order: string[] = []
    const lookup = call(core, 'lexicon.lookup', { word: 'abmarken7' }).then(() =>
      order.push('lookup'),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    await call(core, 'notes.article', { id: article! }).then(() => order.push('notes'))
    await lookup
    expect(order).toEqual(['notes', 'lookup'])
    core.close()
  }, 60_000)
})
