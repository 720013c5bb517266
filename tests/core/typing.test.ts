/**
 * Searching as you type, finding in an article, and dates known only in part: on a small
 * library of self-written articles where the right answer is plain.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { call, testCore } from '../helpers/core'

interface Doc {
  title: string
  text: string
  published?: string | null
}

const DOCS: Record<string, Doc> = {
  wien: {
    title: 'Flüchtlinge erreichen Österreich',
    text: 'Hunderte Flüchtlinge kamen am Wochenende über die Grenze nach Österreich. Die Behörden in Wien richteten Notquartiere ein.',
    published: '2019-04-20',
  },
  ostern: {
    title: 'Ruhige Ostern an der Küste',
    text: 'Zu Ostern kamen weniger Gäste an die Ostsee als im Vorjahr. Die Hotels waren dennoch gut gebucht.',
    published: '2019-04',
  },
  osteuropa: {
    title: 'Hilfe für Flüchtlinge in Osteuropa',
    text: 'Mehrere Staaten in Osteuropa nehmen Flüchtlinge auf. Die Kommission will sie dabei unterstützen.',
    published: null,
  },
  hafen: {
    title: 'Neuer Kran im Hafen',
    text: 'Der Hafen hat einen neuen Kran bekommen. Das Radio berichtete über die Einweihung.',
    published: null,
  },
  atom: {
    title: 'Verhandlungen im Atomkonflikt',
    text: 'Im Atomkonflikt gibt es Bewegung. Das Atomprogramm soll kontrolliert werden, die Atom-Anlagen werden geprüft.',
    published: '2019-05-02',
  },
  ueberfall: {
    title: 'Überfall auf eine Tankstelle',
    text: 'Zwei Männer haben am Abend eine Tankstelle überfallen. Die Polizei sucht Zeugen.',
    published: '2019-03-30',
  },
}

let serial = 0

async function library() {
  const core = testCore()
  const ids: Record<string, number> = {}
  for (const [key, d] of Object.entries(DOCS)) {
    const md = `---\ntitle: "${d.title}"\n---\n\n${d.text}\n\nEin zweiter Absatz, Nummer ${++serial}.\n`
    const r = await call(core, 'import.files', {
      files: [{ name: `${key}.md`, data: Buffer.from(md).toString('base64') }],
    })
    ids[key] = r.results[0]!.id!
    // dates as the library may hold them: a day, a month, none
    core.db.prepare('UPDATE articles SET published = ? WHERE id = ?').run(d.published, ids[key])
  }
  const byId = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]))
  const find = async (query: string, extra: Record<string, unknown> = {}) => {
    const r = await call(core, 'search.query', { query, limit: 20, ...extra })
    return { keys: r.hits.map((h) => byId[h.id]!), total: r.total, uncertain: r.uncertainDates }
  }
  const typing = (query: string, extra: Record<string, unknown> = {}) =>
    find(query, { asYouType: true, ...extra })
  return { core, ids, find, typing }
}

const terms = (core: Core, key: string) => core.search.expand('text', key)

describe('searching as you type', () => {
  it('lets the word being typed find the words it begins, umlauts folded', async () => {
    const { find, typing } = await library()
    // both words: Flüchtlinge with Österreich or Osteuropa, above Ostern (one word)
    const both = (await typing('Flüchtlinge Öst')).keys
    expect(both.slice(0, 2).sort()).toEqual(['osteuropa', 'wien'])
    expect(both[2]).toBe('ostern')
    expect((await typing('Österr')).keys).toEqual(['wien'])
    expect((await typing('Oesterr')).keys).toEqual(['wien'])
    expect((await typing('Öster')).keys).toEqual(['wien', 'ostern'])
    expect((await typing('Oste')).keys.sort()).toEqual(['ostern', 'osteuropa', 'wien'])
    // finished (the renderer sends a word followed by a space as not being typed): as it is
    expect((await find('Österr')).total).toBe(0)
    expect((await find('Österreich')).keys).toEqual(['wien'])
  })

  it('takes a word of one or two letters only as it is, so it stands for little', async () => {
    const { core, typing } = await library()
    expect((await typing('Ö')).total).toBe(0)
    expect((await typing('Ös')).total).toBe(0)
    expect(terms(core, 'o~o')).toEqual(['o'])
    expect((await typing('Flüchtlinge Ö')).keys.sort()).toEqual(['osteuropa', 'wien'])
  })

  it('leaves out a word being typed that no indexed word begins', async () => {
    const { typing, find } = await library()
    expect(await typing('Flüchtlinge Qzx')).toEqual(await find('Flüchtlinge'))
  })

  it('completes a word to a bounded number of words, the ones indexed first', async () => {
    const core = testCore()
    // forty words that begin with "Haus", in a text of their own
    const words = Array.from(
      { length: 40 },
      (_, i) => `Haus${String.fromCharCode(97 + (i % 26))}${i}ung`,
    )
    const md = `---\ntitle: Wörter\n---\n\n${words.join(' ')}.\n\nEin zweiter Absatz.\n`
    await call(core, 'import.files', {
      files: [{ name: 'w.md', data: Buffer.from(md).toString('base64') }],
    })
    await call(core, 'search.query', { query: 'Haus' })
    const completions = terms(core, 'haus~haus').filter((t) => t !== 'haus')
    expect(completions).toHaveLength(8)
    expect(completions[0]).toBe('hausa0') // (the stem of "Hausa0ung")
  })

  it('keeps a stopword being typed by the words it begins ("Über" may become "Überfall")', async () => {
    const { typing, find } = await library()
    expect((await typing('Über')).keys).toEqual(['ueberfall'])
    expect((await find('Über')).total).toBe(0)
  })
})

describe('finding in an article', () => {
  it('marks the words a word begins, its inflections and the compounds it ends', async () => {
    const { core, ids } = await library()
    const a = await call(core, 'article.get', { id: ids.atom! })
    const marked = async (query: string) => {
      const m = await call(core, 'search.matches', { id: ids.atom!, query })
      return [
        ...m.title.map((r) => a.title.slice(r.start, r.end)),
        ...m.paragraphs.flatMap((rs, p) => rs.map((r) => a.paragraphs[p]!.slice(r.start, r.end))),
      ]
    }
    expect(await marked('Atom')).toEqual([
      'Atomkonflikt',
      'Atomkonflikt',
      'Atomprogramm',
      'Atom-Anlagen',
    ])
    expect(await marked('Programm')).toEqual(['Atomprogramm'])
    expect(await marked('Konflikt')).toEqual(['Atomkonflikt', 'Atomkonflikt'])
  })
})

describe('dates known only in part', () => {
  it('shows what is certainly in the range, and counts what may be', async () => {
    const { find } = await library()
    // from 20 April 2019: April 2019 and the undated ones may or may not be
    const from = await find('Flüchtlinge Ostern Kran Atomkonflikt Überfall', { from: '2019-04-20' })
    expect(from.keys.sort()).toEqual(['atom', 'wien'])
    expect(from.uncertain).toBe(3)
    const all = await find('Flüchtlinge Ostern Kran Atomkonflikt Überfall', {
      from: '2019-04-20',
      uncertainDates: true,
    })
    expect(all.keys.sort()).toEqual(['atom', 'hafen', 'ostern', 'osteuropa', 'wien'])
    expect(all.uncertain).toBe(0)
    // from 1 April: all of April 2019 is in it
    expect((await find('Ostern', { from: '2019-04-01' })).keys).toEqual(['ostern'])
    expect((await find('Ostern', { from: '2019-04' })).keys).toEqual(['ostern'])
    // up to 10 April 2019: April 2019 may be later
    const to = await find('Flüchtlinge Ostern Kran Überfall', { to: '2019-04-10' })
    expect(to.keys).toEqual(['ueberfall'])
    expect(to.uncertain).toBe(3)
    // a year as a filter: all of it
    expect((await find('Flüchtlinge Ostern', { from: '2019', to: '2019' })).keys.sort()).toEqual([
      'ostern',
      'wien',
    ])
    // only matching articles are counted
    expect((await find('Überfall', { from: '2019-04-20' })).uncertain).toBe(0)
  })
})
