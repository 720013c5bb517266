/**
 * The word a learner saves from the popover is the word the reader tints and the library
 * counts, in every form: a plural the dictionary also lists as a headword ("Menschen"), a
 * participle that is also an adjective ("gesammelt"), a headword with its object ("etw.
 * melden"), a separable verb ("kündigte … an"). And the popover's "occurs in" counts the word,
 * not its stem: "rund" is not "Runde".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../electron/core/db/migrations'
import { migrate } from '../../electron/core/db/open'
import { findOccurrences } from '../../electron/core/lexicon/occurrences'
import { call } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { contextOf, wordLibrary } from '../helpers/study'

// written for these tests (invented towns' news)
const KIEL = `---
title: Warten vor dem Rathaus
outlet: Kieler Abendblatt
published: 2025-06-02
---

Rund 200 Menschen warteten am Morgen vor dem Rathaus.

Die Polizei meldete keine Zwischenfälle. Freiwillige haben Decken gesammelt.

Die Stadträtin kündigte weitere Gespräche an. Sie gab keine Auskunft.
`

const FLENSBURG = `---
title: Die zweite Runde
outlet: Flensburger Bote
published: 2025-06-03
---

Die zweite Runde der Gespräche begann am Abend.

Ein Mensch wartete ein paar Minuten allein vor der Tür. Die Stadt meldet Fortschritte.
`

const HUSUM = `---
title: Nach der ersten Runde
outlet: Husumer Nachrichten
published: 2025-06-04
---

Nach der ersten Runde lag die Kandidatin vorn.

Der Verein sammelt Unterschriften für den Stichentscheid. Ein Paar aus Tönning unterschrieb zuerst. Der Verein will morgen Auskunft geben.
`

async function library() {
  const file = 'tests/fixtures/study/forms.ding'
  const lib = await wordLibrary([KIEL, FLENSBURG, HUSUM], async (core) => {
    await call(core, 'dict.import', {
      name: file,
      data: readFileSync(join(ROOT, file)).toString('base64'),
    })
  })
  const [kiel, flensburg, husum] = lib.ids as [number, number, number]
  return { ...lib, kiel, flensburg, husum }
}

describe('a word saved from the popover', () => {
  // saved in the Kiel article (its paragraph n), then known in every form the reader tints
  it.each([
    [
      'a plural Ding lists as a headword',
      0,
      'Menschen',
      'Mensch',
      [
        ['kiel', 'Menschen'],
        ['flensburg', 'Mensch'],
      ],
    ],
    [
      'a participle that is also an adjective',
      1,
      'gesammelt',
      'sammeln',
      [
        ['kiel', 'gesammelt'],
        ['husum', 'sammelt'],
      ],
    ],
    // the headword keeps its object; the key is the verb's
    [
      'a headword with its object',
      1,
      'meldete',
      'etw. melden',
      [
        ['kiel', 'meldete'],
        ['flensburg', 'meldet'],
      ],
    ],
  ] as const)(
    'is known wherever the reader tints it: %s',
    async (_case, n, word, lemma, tinted) => {
      const lib = await library()
      expect(await lib.status(lib.kiel, word)).toBe('new')
      const saved = await lib.saveKnown(lib.kiel, n, word)
      expect(saved.lemma).toBe(lemma)
      for (const [article, form] of tinted)
        expect(await lib.status(lib[article], form)).toBe('known')
    },
  )

  it('is the separable verb both its parts are tinted as', async () => {
    const { kiel, status, saveKnown } = await library()
    const saved = await saveKnown(kiel, 2, 'kündigte')
    expect(saved.lemma).toBe('ankündigen')
    expect(await status(kiel, 'kündigte')).toBe('known')
  })
})

describe('a word the dictionary has only with another', () => {
  it('is read alike by the popover and the reader: "paar" in "ein paar", "zwar" in "zwar …, aber …"', async () => {
    const { core } = await library()
    const text = 'Es dauerte zwar nur ein paar Minuten, aber alle warteten.'
    const popover = async (word: string) =>
      call(core, 'lexicon.lookup', { word, context: contextOf(text, word) })
    expect(await popover('paar')).toMatchObject({ lemma: 'ein paar', gloss: 'a few' })
    // first in a sentence too
    const first = 'Ein paar Minuten vergingen.'
    expect(
      await call(core, 'lexicon.lookup', { word: 'paar', context: contextOf(first, 'paar') }),
    ).toMatchObject({ lemma: 'ein paar' })
    expect(core.lexicon.annotate(first).lemmas[1]).toBe('ein paar')
    expect(await popover('zwar')).toMatchObject({ lemma: 'zwar …, aber …', pos: 'conj' })
    const { lemmas } = core.lexicon.annotate(text)
    expect(lemmas[2]).toBe('zwar …, aber …')
    expect(lemmas[5]).toBe('ein paar')
  })
})

describe('where the popover says a word occurs', () => {
  it('counts the word, not the words that share its stem', async () => {
    const { kiel, flensburg, husum, lookUp } = await library()
    // "rund" and "Runde" share the index's stem
    const rund = await lookUp(kiel, 0, 'Rund')
    expect(rund.lemma).toBe('rund')
    expect(rund.occurrences).toMatchObject({ total: 1, articles: [{ id: kiel }] })
    const runde = await lookUp(flensburg, 0, 'Runde')
    expect(runde.occurrences.total).toBe(2)
    expect(runde.occurrences.articles.map((a) => a.id).sort()).toEqual([flensburg, husum].sort())
  })

  it('finds a strong verb in the forms the dictionary lists, its headword written with its object', async () => {
    const { kiel, husum, lookUp } = await library()
    // "gab" shares no index key with "geben": the dictionary's forms of "etw. geben" give it
    const geben = await lookUp(husum, 1, 'geben')
    expect(geben.occurrences.articles.map((a) => a.id).sort()).toEqual([kiel, husum].sort())
  })

  it('counts a pair as the reader does: "ein paar" (a few) is not "ein Paar" (a couple)', async () => {
    const { flensburg, lookUp } = await library()
    const paar = await lookUp(flensburg, 1, 'paar')
    expect(paar.lemma).toBe('ein paar')
    expect(paar.occurrences).toMatchObject({ total: 1, articles: [{ id: flensburg }] })
  })

  it('finds every form of it: a plural and its singular, a participle and a present tense', async () => {
    const { kiel, flensburg, husum, lookUp } = await library()
    const menschen = await lookUp(kiel, 0, 'Menschen')
    expect(menschen.occurrences.articles.map((a) => a.id).sort()).toEqual([kiel, flensburg].sort())
    const sammelt = await lookUp(husum, 1, 'sammelt')
    expect(sammelt.occurrences.articles.map((a) => a.id).sort()).toEqual([kiel, husum].sort())
  })

  it('analyses the articles asked about in a library nobody studies in (no profiles yet)', async () => {
    const { core, kiel, lookUp } = await library()
    core.db.prepare('DELETE FROM study_profiles').run()
    core.study.invalidate()
    const rund = await lookUp(kiel, 0, 'Rund')
    expect(rund.occurrences).toMatchObject({ total: 1, articles: [{ id: kiel }] })
    // what was analysed for the popover is kept
    expect(core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get()).toBe(3)
  })

  it('counts, not estimates, a word in a few articles even when analysing them is slow', async () => {
    const { core, kiel, lookUp } = await library()
    core.db.prepare('DELETE FROM study_profiles').run()
    core.study.invalidate()
    // a slow machine's first analyses: each text takes 30 ms (an article, well over the 80 ms
    // a popover otherwise waits for analyses)
    const annotate = core.lexicon.annotate.bind(core.lexicon)
    core.lexicon.annotate = (text: string) => {
      const until = performance.now() + 30
      while (performance.now() < until);
      return annotate(text)
    }
    // "rund" shares its stem with the other two articles' "Runde": three candidates
    const rund = await lookUp(kiel, 0, 'Rund')
    expect(rund.occurrences).toMatchObject({ total: 1, articles: [{ id: kiel }] })
    expect(rund.occurrences.approximate).toBeUndefined()
  })

  it('counts a name by the search index, as it was clicked (the profiles leave names out)', async () => {
    const { ids, lookUp } = await wordLibrary([
      '# Besuch in Eckernförde\n\nDie Ministerin Marlene Hohenstein besuchte den Hafen.\n',
      '# Streit um den Hafen\n\nHohenstein kündigte an, die Pläne zu prüfen.\n',
      '# Ein ruhiger Tag\n\nIm Hafen lagen nur wenige Schiffe.\n',
    ])
    const name = await lookUp(ids[0]!, 0, 'Hohenstein')
    expect(name.pos).toBe('name')
    expect(name.occurrences.total).toBe(2)
    expect(name.occurrences.articles.map((a) => a.id).sort()).toEqual([ids[0], ids[1]].sort())
  })

  it('estimates a word in very many articles from the newest ones, and says so', async () => {
    const { core } = await library()
    // three candidates share the stem; the newest two are checked, both have "Runde"
    const runde = await findOccurrences(
      core.db,
      core.search,
      core.study,
      { lemma: 'Runde', pos: 'noun', form: 'Runde', forms: [] },
      { checked: 2 },
    )
    expect(runde).toMatchObject({ total: 3, approximate: true })
    const exact = await findOccurrences(core.db, core.search, core.study, {
      lemma: 'Runde',
      pos: 'noun',
      form: 'Runde',
      forms: [],
    })
    expect(exact.total).toBe(2)
    expect(exact.approximate).toBeUndefined()
  })
})

describe('migration 0090 (study keys)', () => {
  it('keys a saved headword with its object by its verb, unless that key is taken', () => {
    const db = new Database(':memory:')
    migrate(
      db,
      migrations.filter((m) => m.version < 90),
    )
    const add = db.prepare(
      "INSERT INTO study_words (key, lemma, pos, status, created_at, updated_at) VALUES (?, ?, 'verb', 5, '2025', '2025')",
    )
    add.run('etw. melden', 'etw. melden')
    add.run('sich für etw. aussprechen', 'sich für etw. aussprechen')
    add.run('aussprechen', 'aussprechen')
    db.prepare(
      "INSERT INTO study_status_log (key, old, new, at) VALUES ('etw. melden', 0, 5, 1)",
    ).run()
    migrate(db, migrations)
    expect(db.prepare('SELECT key FROM study_words ORDER BY id').pluck().all()).toEqual([
      'melden',
      'sich für etw. aussprechen',
      'aussprechen',
    ])
    expect(db.prepare('SELECT key FROM study_status_log').pluck().get()).toBe('melden')
    db.close()
  })
})
