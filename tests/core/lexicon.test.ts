/**
 * The lexicon as a learner meets it: words from political news resolve to their dictionary
 * form with article, plural and gloss; compounds split into their parts; real dictionaries
 * import, malformed lines and all.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core'
import type { WordInfo } from '../../shared/types'
import { parseDingLine } from '../../electron/core/lexicon/ding'
import { narrowed } from '../../electron/core/lexicon/senses'
import { tokenize } from '../../electron/core/lexicon/context'
import { contractionOf, determinerBases } from '../../electron/core/lexicon/determiners'
import { personCost, verbNumberAt } from '../../electron/core/lexicon/pronouns'
import { call, testCore } from '../helpers/core'
import { findDictionary, missingDictionary } from '../helpers/system'
import { ROOT } from '../helpers/fixtures'

const LEX = join(ROOT, 'tests/fixtures/lexicon')
const forms = JSON.parse(readFileSync(join(LEX, 'forms.json'), 'utf8')) as {
  word: string
  lemma: string
  parts: string[]
}[]

async function glossary() {
  const core = testCore()
  await core.ensureGlossary()
  const lookup = async (word: string) => call(core, 'lexicon.lookup', { word })
  return { core, lookup }
}

describe('the built-in glossary', () => {
  it('has at least 300 entries, each with gender (nouns), gloss and a German explanation', async () => {
    const { core } = await glossary()
    const { entries, total } = await call(core, 'lexicon.entries', {
      source: 'builtin',
      limit: 500,
    })
    expect(total).toBeGreaterThanOrEqual(300)
    for (const e of entries) {
      expect(e.gloss.length).toBeGreaterThan(1)
      expect(e.explanation).toMatch(/^[A-ZÄÖÜ„"].*[.!?]$/)
      if (e.pos === 'noun') expect(['m', 'f', 'n', 'pl']).toContain(e.gender)
    }
  })

  it.each([
    ['Denuklearisierung', 'die'],
    ['Sechs-Parteien-Gespräche', 'die'],
    ['Vieraugengespräch', 'das'],
    ['Machthaber', 'der'],
    ['Kremlchef', 'der'],
    ['Gipfeltreffen', 'das'],
    ['Sanktion', 'die'],
    ['Abrüstung', 'die'],
    ['Sicherheitsgarantie', 'die'],
    ['Atomprogramm', 'das'],
    ['Delegation', 'die'],
    ['Staatsbesuch', 'der'],
    ['Außenminister', 'der'],
    ['Vermittler', 'der'],
    ['Annäherung', 'die'],
  ])('explains %s with its article %s', async (word, article) => {
    const { lookup } = await glossary()
    const info = await lookup(word)
    expect(info).toMatchObject({
      found: true,
      lemma: word,
      article,
      source: 'builtin',
      via: 'lemma',
    })
    expect(info.gloss).toBeTruthy()
  })

  it('loads once, and again when the shipped glossary changes', async () => {
    const { core } = await glossary()
    expect(await core.lexicon.lookup('Sanktion', false)).toMatchObject({ found: true })
    const count = () =>
      core.db
        .prepare("SELECT count(*) FROM lexicon_entries WHERE source = 'builtin'")
        .pluck()
        .get() as number
    const before = count()
    core.db
      .prepare("UPDATE settings SET value = 'an older glossary' WHERE key = 'glossary.version'")
      .run()
    core.db
      .prepare("DELETE FROM lexicon_entries WHERE source = 'builtin' AND key = 'sanktion'")
      .run()
    const { loadBuiltinGlossary } = await import('../../electron/core/lexicon/store')
    expect(await loadBuiltinGlossary(core.db, join(ROOT, 'resources'))).toBe(before)
    expect(await loadBuiltinGlossary(core.db, join(ROOT, 'resources'))).toBe(0)
    expect(count()).toBe(before)
  })
})

describe('lookup of inflected forms and compounds', () => {
  // one library for the whole table (the per-test cores are closed after each test)
  const core = createCore({ libraryPath: ':memory:', resourcesPath: join(ROOT, 'resources') })
  const lookup = async (word: string): Promise<WordInfo> => call(core, 'lexicon.lookup', { word })
  beforeAll(() => core.ensureGlossary())
  afterAll(() => core.close())

  it.each(forms.map((f) => [f.word, f.lemma, f.parts] as const))(
    '%s -> %s %j',
    async (word, lemma, parts) => {
      const info = await lookup(word)
      expect(info.lemma).toBe(lemma)
      expect(info.parts).toEqual(parts)
    },
  )

  it.each([
    ['Sechs-Parteien-Gespräche', 'Sechs-Parteien-Gespräche'],
    ['Sechsparteiengespräche', 'Sechs-Parteien-Gespräche'],
    ['Atomprogramms', 'Atomprogramm'],
    ['Atomwaffenprogramm', 'Atomwaffenprogramm'],
    ['Sanktionen', 'Sanktion'],
    ['Gesprächen', 'Gespräch'],
    ['Vieraugengespräch', 'Vieraugengespräch'],
    ['Denuklearisierung', 'Denuklearisierung'],
    ['Sicherheitsgarantien', 'Sicherheitsgarantie'],
    ['Gipfeltreffens', 'Gipfeltreffen'],
    ['Machthabers', 'Machthaber'],
  ])('resolves %s to %s', async (word, lemma) => {
    expect((await lookup(word)).lemma).toBe(lemma)
  })

  it('splits a compound the lexicon does not have and takes gender and plural from its head', async () => {
    const info = await lookup('Atomwaffenkontrollen')
    expect(info).toMatchObject({
      lemma: 'Atomwaffenkontrolle',
      article: 'die',
      gender: 'f',
      via: 'compound',
      source: 'compound',
    })
    expect(info.parts).toEqual(['Atomwaffe', 'n', 'Kontrolle'])
    expect(info.plural).toBe('Atomwaffenkontrollen')
  })

  it('splits Sechs-Parteien-Gespräche at its hyphens and gives Sicherheit | s | Garantie', async () => {
    expect((await lookup('Sechs-Parteien-Gespräche')).parts).toEqual([
      'Sechs',
      'Parteien',
      'Gespräche',
    ])
    expect((await lookup('Sicherheitsgarantien')).parts).toEqual(['Sicherheit', 's', 'Garantie'])
  })

  it('reads a Leichte Sprache word (Sicherheits·garantien) as the word written together', async () => {
    expect(await lookup('Sicherheits·garantien')).toMatchObject({
      lemma: 'Sicherheitsgarantie',
      parts: ['Sicherheit', 's', 'Garantie'],
    })
    expect(await lookup('Atom·waffen·kontrollen')).toMatchObject({
      lemma: 'Atomwaffenkontrolle',
      article: 'die',
      parts: ['Atomwaffe', 'n', 'Kontrolle'],
    })
  })

  it('says so when a word is unknown', async () => {
    expect(await lookup('Quxplimbo')).toMatchObject({ found: false, lemma: null, parts: [] })
  })
})

describe('own terms', () => {
  it('win over built-in entries and can be changed and deleted', async () => {
    const { core, lookup } = await glossary()
    const saved = await call(core, 'lexicon.save', {
      entry: {
        lemma: 'Sanktion',
        pos: 'noun',
        gender: 'f',
        plural: 'Sanktionen',
        gloss: 'sanction (my wording)',
        forms: ['Sanktiönchen'],
      },
    })
    expect(saved).toMatchObject({
      source: 'user',
      lemma: 'Sanktion',
      forms: expect.arrayContaining(['sanktionen', 'sanktiönchen']),
    })
    expect(await lookup('Sanktionen')).toMatchObject({
      gloss: 'sanction (my wording)',
      source: 'user',
    })
    expect((await lookup('Sanktionen')).more.some((m) => m.source === 'builtin')).toBe(true)
    expect(await lookup('Sanktiönchen')).toMatchObject({ lemma: 'Sanktion', source: 'user' })
    const changed = await call(core, 'lexicon.save', {
      id: saved.id,
      entry: { lemma: 'Sanktion', pos: 'noun', gender: 'f', gloss: 'penalty' },
    })
    expect(await lookup('Sanktion')).toMatchObject({ gloss: 'penalty', source: 'user' })
    expect(await call(core, 'lexicon.delete', { id: changed.id })).toEqual({ deleted: true })
    expect(await lookup('Sanktion')).toMatchObject({ source: 'builtin' })
  })

  it('refuses to change or delete a built-in entry', async () => {
    const { core } = await glossary()
    const builtin = (await call(core, 'lexicon.entries', { filter: 'Sanktion', source: 'builtin' }))
      .entries[0]!
    expect(
      await core.invoke('lexicon.save', {
        id: builtin.id,
        entry: { lemma: 'x', pos: 'noun', gloss: 'y' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call(core, 'lexicon.delete', { id: builtin.id })).toEqual({ deleted: false })
  })

  it("keeps the user's note on a word", async () => {
    const { core, lookup } = await glossary()
    await call(core, 'lexicon.note', { lemma: 'Sanktion', note: 'Plural mit -en!' })
    expect((await lookup('Sanktionen')).note).toBe('Plural mit -en!')
    await call(core, 'lexicon.note', { lemma: 'Sanktion', note: '' })
    expect((await lookup('Sanktionen')).note).toBeNull()
  })

  it('lists, filters and exports the glossary as CSV', async () => {
    const { core } = await glossary()
    await call(core, 'lexicon.save', {
      entry: {
        lemma: 'Kabelschutz',
        pos: 'noun',
        gender: 'm',
        gloss: 'cable protection; =SUM(A1)',
      },
    })
    const page = await call(core, 'lexicon.entries', { filter: 'kabel', source: 'glossary' })
    expect(page.entries.map((e) => e.lemma)).toContain('Kabelschutz')
    expect(page.entries[0]!.source).toBe('user') // own terms first
    const { csv, filename } = await call(core, 'lexicon.export', { source: 'glossary' })
    expect(filename).toMatch(/\.csv$/)
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('lemma,pos,gender,plural,genitive,gloss,explanation,domain,source,forms')
    expect(lines.length).toBeGreaterThan(300)
    expect(csv).toContain('Kabelschutz,noun,m,,,"cable protection; =SUM(A1)",,,user,')
    expect(csv).toMatch(/\nDenuklearisierung,noun,f,/)
  })
})

describe('glossary terms in running text', () => {
  it('marks single words, inflected forms and multi-word terms', async () => {
    const { core } = await glossary()
    const text =
      'Die Vereinten Nationen forderten Sanktionen; die Außenminister sprachen unter vier Augen in der Zeitung über Abrüstung.'
    const terms = core.lexicon.terms(text).map((t) => text.slice(t.start, t.end))
    // everyday words ("forderten", "Zeitung") are glossary words but stay unmarked
    expect(terms).toEqual([
      'Vereinten Nationen',
      'Sanktionen',
      'Außenminister',
      'unter vier Augen',
      'Abrüstung',
    ])
  })
})

describe('names are never glossary terms', () => {
  it('does not mark "Un" in "Kim Jong Un" as the UN, but marks the UN', async () => {
    const { core } = await glossary()
    const text =
      'Nordkoreas Machthaber Kim Jong Un empfing Südkoreas Präsidenten Moon Jae-in; die UN schwiegen.'
    const marked = core.lexicon.terms(text).map((t) => text.slice(t.start, t.end))
    expect(marked).not.toContain('Un')
    expect(marked).toContain('UN')
    expect(marked).toContain('Machthaber')
  })

  it('explains a name in its sentence as a name, and the same word elsewhere as a word', async () => {
    const { core } = await glossary()
    const text = 'Die Gespräche zwischen Donald Trump und Kim Jong Un endeten ohne Ergebnis.'
    const un = await call(core, 'lexicon.lookup', {
      word: 'Un',
      context: { text, offset: text.indexOf('Un ') },
    })
    expect(un).toMatchObject({ lemma: 'Kim Jong Un', pos: 'name', via: 'name' })
    expect(un.gloss).toBeNull()
    const report = 'Der Bericht der UN wurde veröffentlicht.'
    expect(
      await call(core, 'lexicon.lookup', {
        word: 'UN',
        context: { text: report, offset: report.indexOf('UN') },
      }),
    ).toMatchObject({ lemma: 'UN', pos: 'abbr' })
  })

  it('explains a middle-dotted word in its sentence as the popover sends it', async () => {
    const { core } = await glossary()
    const text = 'Die Regierung gibt Sicherheits·garantien. Sie gelten ab Mai.'
    const info = await call(core, 'lexicon.lookup', {
      word: 'Sicherheits·garantien',
      context: { text, offset: text.indexOf('Sicherheits·') },
    })
    expect(info).toMatchObject({ lemma: 'Sicherheitsgarantie', article: 'die' })
    // the words around it are read as before: the dot joins, it does not end a sentence
    const terms = core.lexicon.terms(text).map((t) => text.slice(t.start, t.end))
    expect(terms).not.toContain('garantien')
  })

  it('takes people for names, but not crowds, months or institutions', async () => {
    const { core } = await glossary()
    const posOf = async (text: string, word: string) =>
      (
        await call(core, 'lexicon.lookup', {
          word,
          context: { text, offset: text.indexOf(word) },
        })
      ).pos
    for (const [text, word] of [
      ['In Berlin demonstrierten Tausende Menschen gegen den Krieg.', 'Tausende'],
      ['Ende Mai soll der Gipfel in Brüssel stattfinden.', 'Mai'],
      ['Der Internationale Währungsfonds senkte seine Prognose.', 'Währungsfonds'],
      ['Neue Sanktionen gegen Russland wurden beschlossen.', 'Neue'],
      ['Auch Frank-Walter Steinmeier äußerte sich zu dem Vorfall.', 'Auch'],
    ])
      expect(await posOf(text!, word!), `${word} in ${text}`).not.toBe('name')
    for (const [text, word, name] of [
      ['Frankreichs Präsident Emmanuel Macron reiste ab.', 'Macron', 'Emmanuel Macron'],
      ['Auch Frank-Walter Steinmeier äußerte sich.', 'Steinmeier', 'Frank-Walter Steinmeier'],
      ['Kanzler Olaf Scholz reiste am Montag nach Paris.', 'Olaf', 'Olaf Scholz'],
    ]) {
      const info = await call(core, 'lexicon.lookup', {
        word: word!,
        context: { text: text!, offset: text!.indexOf(word!) },
      })
      expect(info, word).toMatchObject({ lemma: name, pos: 'name' })
    }
  })

  it('keeps a name introduced in an earlier paragraph of the article a name', async () => {
    const { core } = await glossary()
    await call(core, 'lexicon.save', {
      entry: { lemma: 'Kern', pos: 'noun', gender: 'm', gloss: 'core; kernel' },
    })
    const imported = await call(core, 'import.text', {
      title: 'Kern kehrt zurück',
      text: 'Der frühere Kanzler Christian Kern will nach zwei Jahren zurück in die Politik.\n\nKern sagte am Abend, der Kern des Problems sei die Wirtschaft.',
    })
    const id = imported.id!
    const paragraph = 'Kern sagte am Abend, der Kern des Problems sei die Wirtschaft.'
    const alone = await call(core, 'lexicon.lookup', {
      word: 'Kern',
      context: { text: paragraph, offset: 0, article: id },
    })
    expect(alone).toMatchObject({ lemma: 'Christian Kern', pos: 'name' })
    // after an article it is the noun again
    const noun = await call(core, 'lexicon.lookup', {
      word: 'Kern',
      context: { text: paragraph, offset: paragraph.indexOf('Kern des'), article: id },
    })
    expect(noun).toMatchObject({ lemma: 'Kern', pos: 'noun', source: 'user' })
    // and it is not marked as the own term where it is the name
    const terms = await call(core, 'lexicon.terms', { id })
    const paragraphs = [
      'Der frühere Kanzler Christian Kern will nach zwei Jahren zurück in die Politik.',
      paragraph,
    ]
    const kern = terms.paragraphs.flatMap((marks, i) =>
      marks.filter((t) => paragraphs[i]!.slice(t.start, t.end) === 'Kern').map((t) => [i, t.start]),
    )
    expect(kern).toEqual([[1, paragraph.indexOf('Kern des')]])
  })
})

describe('separable verbs', () => {
  const at = (text: string, word: string) => ({ text, offset: text.indexOf(word) })

  it('explains a verb whose particle closes the clause, from either part', async () => {
    const { core } = await glossary()
    await call(core, 'dict.import', {
      name: 'Mini',
      data: readFileSync(join(LEX, 'mini.ding')).toString('base64'),
    })
    const text = 'Der Minister trat am Montag überraschend zurück, wie die Agentur meldete.'
    for (const word of ['trat', 'zurück']) {
      const r = await call(core, 'lexicon.lookup', { word, context: at(text, word) })
      expect(r, word).toMatchObject({
        lemma: 'zurücktreten',
        via: 'separable',
        separable: 'trat … zurück',
        gloss: expect.stringContaining('resign'),
      })
    }
    // without its sentence, "trat" is just a word
    expect((await call(core, 'lexicon.lookup', { word: 'trat' })).lemma).not.toBe('zurücktreten')
  })

  it('joins particle and verb lemma when the form is not listed', async () => {
    const { core } = await glossary()
    for (const [lemma, gloss] of [
      ['rüsten', 'to arm'],
      ['aufrüsten', 'to rearm'],
    ])
      await call(core, 'lexicon.save', { entry: { lemma: lemma!, pos: 'verb', gloss: gloss! } })
    const text = 'Viele Staaten rüsten wieder auf. Andere verhandeln.'
    const r = await call(core, 'lexicon.lookup', { word: 'rüsten', context: at(text, 'rüsten') })
    expect(r).toMatchObject({ lemma: 'aufrüsten', separable: 'rüsten … auf' })
  })

  it('ends a clause at "und", "oder", "aber"', async () => {
    const { core } = await glossary()
    await call(core, 'lexicon.save', {
      entry: { lemma: 'teilnehmen', pos: 'verb', gloss: 'to take part', forms: ['nahm teil'] },
    })
    const text =
      'Norwegen nahm als Gast an den Beratungen teil und will sich der Vereinbarung anschließen.'
    const r = await call(core, 'lexicon.lookup', { word: 'nahm', context: at(text, 'nahm') })
    expect(r).toMatchObject({ lemma: 'teilnehmen', separable: 'nahm … teil' })
  })

  it('leaves prepositions and other clauses alone', async () => {
    const { core } = await glossary()
    await call(core, 'dict.import', {
      name: 'Mini',
      data: readFileSync(join(LEX, 'mini.ding')).toString('base64'),
    })
    const text = 'Sie trat vor das Mikrofon. Er trat zurück.'
    const r = await call(core, 'lexicon.lookup', { word: 'trat', context: at(text, 'trat') })
    expect(r.via).not.toBe('separable')
    expect(r.separable).toBeNull()
  })
})

describe('filtering the glossary page', () => {
  it('finds a word inside compounds, headwords starting with it first', async () => {
    const { core } = await glossary()
    const { entries } = await call(core, 'lexicon.entries', {
      filter: 'sanktion',
      source: 'builtin',
    })
    const lemmas = entries.map((e) => e.lemma)
    expect(lemmas[0]).toBe('Sanktion')
    expect(lemmas).toContain('Wirtschaftssanktion')
  })
})

describe('annotating a text', () => {
  it('gives each word its lemma: forms, stems and compounds by their head', async () => {
    const { core } = await glossary()
    const r = core.lexicon.annotate(
      'Die Sanktionen gegen den Machthaber trafen die Atomwaffenprogramme, die Sanktionslisten wuchsen, und die Vereinten Nationen schwiegen.',
    )
    expect(r.words).toBe(16)
    expect(r.lemmas[1]).toBe('Sanktion')
    expect(r.lemmas[4]).toBe('Machthaber')
    expect(r.lemmas[7]).toBe('Atomwaffenprogramm')
    expect(r.lemmas[9]).toBe('Sanktionsliste') // not in the glossary: by its head, Liste
    expect(r.compounds).toBe(1)
    expect(r.terms.map((t) => t.lemma)).toEqual(
      expect.arrayContaining(['Sanktion', 'Machthaber', 'Vereinten Nationen']),
    )
  })

  it('gives a Leichte Sprache word with middle dots the lemma of the word written together', async () => {
    const { core } = await glossary()
    const r = core.lexicon.annotate('Die Sicherheits·garantien und die Atom·waffen·programme.')
    expect(r.words).toBe(5)
    expect(r.lemmas[1]).toBe('Sicherheitsgarantie')
    expect(r.lemmas[4]).toBe('Atomwaffenprogramm')
    expect(r.terms.map((t) => t.lemma)).toContain('Sicherheitsgarantie')
  })

  it('marks own terms even when they are everyday words', async () => {
    const { core } = await glossary()
    const text = 'Die Zeitung berichtete.'
    expect(core.lexicon.terms(text)).toEqual([])
    await call(core, 'lexicon.save', {
      entry: { lemma: 'Zeitung', pos: 'noun', gender: 'f', gloss: 'newspaper' },
    })
    expect(core.lexicon.terms(text).map((t) => t.lemma)).toEqual(['Zeitung'])
  })

  it('marks a word with the own entry when there is one besides the built-in one', async () => {
    const { core } = await glossary()
    const own = await call(core, 'lexicon.save', {
      entry: {
        lemma: 'Sanktion',
        pos: 'noun',
        gender: 'f',
        gloss: 'penalty',
        forms: ['Sanktionen'],
      },
    })
    expect(core.lexicon.terms('Neue Sanktionen.')).toEqual([
      { start: 5, end: 15, lemma: 'Sanktion', entryId: own.id },
    ])
  })
})

describe('the Ding format', () => {
  const expected = JSON.parse(readFileSync(join(LEX, 'mini.expected.json'), 'utf8')) as {
    entries: {
      headword: string
      gender: string | null
      plural: string | null
      gloss: string
      forms: string[]
      domain: string | null
    }[]
    malformed: number
  }
  const lines = readFileSync(join(LEX, 'mini.ding'), 'utf8').split('\n')
  const parsed = lines.map(parseDingLine)
  const entries = parsed.flatMap((p) => (p.kind === 'entries' ? p.entries : []))

  it.each(expected.entries)('reads $headword', (e) => {
    const entry = entries.find((x) => x.lemma === e.headword)!
    expect(entry).toBeTruthy()
    expect({
      gender: entry.gender,
      plural: entry.plural,
      gloss: entry.gloss,
      forms: entry.forms,
      domain: entry.domain,
    }).toEqual({
      gender: e.gender,
      plural: e.plural,
      gloss: e.gloss,
      forms: e.forms,
      domain: e.domain,
    })
  })

  it('counts malformed lines with a reason, and skips comments', () => {
    const bad = parsed.filter((p) => p.kind === 'malformed')
    expect(bad).toHaveLength(expected.malformed)
    expect(parseDingLine('# a comment :: with a separator')).toEqual({ kind: 'comment' })
    expect(parseDingLine('Kremlchef {m} -- Kremlin chief')).toMatchObject({
      kind: 'malformed',
      reason: expect.stringContaining('::'),
    })
  })

  it('keeps markers with a semicolon inside their braces together', () => {
    const r = parseDingLine('gegenüber {prp; +Dat.} :: opposite; towards')
    expect(r).toMatchObject({ kind: 'entries', entries: [{ lemma: 'gegenüber', pos: 'prep' }] })
    expect((r as { entries: unknown[] }).entries).toHaveLength(1)
    const both = parseDingLine('Nachbar {m}; Nachbarin {f} (Person; Staat) :: neighbour')
    expect(both).toMatchObject({
      kind: 'entries',
      entries: [
        { lemma: 'Nachbar', gender: 'm' },
        { lemma: 'Nachbarin', gender: 'f' },
      ],
    })
  })

  it('takes parts of speech and notes apart', () => {
    expect(
      parseDingLine('Veto {n} [pol.] (im UN-Sicherheitsrat) | Vetos {pl} :: veto | vetoes'),
    ).toEqual({
      kind: 'entries',
      entries: [
        {
          lemma: 'Veto',
          pos: 'noun',
          gender: 'n',
          plural: 'Vetos',
          gloss: 'veto',
          domain: 'pol.',
          forms: [],
          parts: 1,
        },
      ],
    })
    const verb = parseDingLine(
      'abrüsten {vi} [mil.] | abrüstend | abgerüstet | rüstet ab | rüstete ab :: to disarm | disarming | disarmed | disarms | disarmed',
    )
    expect(verb).toMatchObject({
      kind: 'entries',
      entries: [
        {
          lemma: 'abrüsten',
          pos: 'verb',
          forms: ['abrüstend', 'abgerüstet', 'rüstet ab', 'rüstete ab'],
        },
      ],
    })
  })

  it('gives a conjunction without English of its own the English of its two-part use', () => {
    const both = parseDingLine(
      'sowohl {conj} | sowohl … als auch | Sie spricht sowohl Polnisch als auch Tschechisch. ::  | as well … as; both … and … | She speaks both Polish and Czech.',
    ) as { entries: unknown[] }
    expect(both.entries[0]).toMatchObject({
      lemma: 'sowohl',
      pos: 'conj',
      gloss: 'as well … as; both … and …',
    })
    // any other headword without English stays out: what follows is an example's translation
    expect(
      parseDingLine('Herzenswunsch {m} | Es war ihr Herzenswunsch. ::  | It was her dearest wish.'),
    ).toMatchObject({
      kind: 'malformed',
    })
  })

  it('gives a verb form to the verb of the line it begins like, or to none of several', () => {
    const verbs = (line: string) =>
      Object.fromEntries(
        (parseDingLine(line) as { entries: { lemma: string; forms: string[] }[] }).entries.map(
          (e) => [e.lemma, e.forms],
        ),
      )
    // fewer forms than verbs: a strong verb changes its vowel, not its first letter
    const rising = verbs(
      'zunehmen; steigen; wachsen {vi} | zunehmend; steigend; wachsend | zugenommen; gestiegen; gewachsen | es nimmt zu; es steigt | es nahm zu; es stieg :: to increase | increasing | increased | it increases | it increased',
    )
    expect(rising['steigen']).toEqual(expect.arrayContaining(['steigt', 'stieg']))
    expect(rising['zunehmen']).toEqual(expect.arrayContaining(['nimmt zu', 'nahm zu']))
    expect(rising['zunehmen']).not.toContain('stieg')
    // a word like none of the line's verbs is no form of any ("insbesondere" would read as umfassen)
    const including = verbs(
      'etw. umfassen; etw. beinhalten {vt} | umfassend; beinhaltend | umfasst; beinhaltet | (so) insbesondere :: to include sth. | including | included | including in particular',
    )
    expect(Object.values(including).flat()).not.toContain('insbesondere')
    // past a prefix both share: "erfolgen" is no form of erledigen
    const done = verbs(
      'etw. erledigen; etw. abwickeln {vt} | erledigend; abwickelnd | erledigt; abgewickelt | erfolgen :: to settle sth. | settling | settled | to be settled',
    )
    expect(Object.values(done).flat()).not.toContain('erfolgen')
    // a line of one verb keeps its irregular forms
    expect(
      verbs(
        'sein {vi} | seiend | gewesen | er ist | er war :: to be | being | been | he is | he was',
      )['sein'],
    ).toEqual(expect.arrayContaining(['ist', 'war']))
  })

  it("gives a noun only the plurals that are its own, not another synonym's", () => {
    const nouns = (line: string) =>
      (
        parseDingLine(line) as {
          entries: { lemma: string; plural: string | null; forms: string[] }[]
        }
      ).entries.map((e) => [e.lemma, e.plural, e.forms])
    // more plurals than nouns: each goes to the noun it begins like; "Jungs" is the plural of
    // the unmarked "Alter", no noun's here
    expect(
      nouns(
        'Bursche {m}; Kamerad {m}; Alter [ugs.] | Burschen {pl}; Kameraden {pl}; Kameradinnen {pl}; Jungs {pl} :: lad | lads',
      ),
    ).toEqual([
      ['Bursche', 'Burschen', []],
      ['Kamerad', 'Kameraden', ['Kameradinnen']],
      ['Alter', null, []],
    ])
    // a label inside the grammar's braces is the grammar's, not the word's
    const inBraces = parseDingLine(
      'gemäß {prp; +Dat.; +Gen. [selten]} | gemäß den Regeln :: according to | according to the rules',
    )
    expect(inBraces.kind === 'entries' && inBraces.entries[0]).toMatchObject({
      lemma: 'gemäß',
      pos: 'prep',
      domain: null,
    })
    // an abbreviation with a semicolon in it is left out whole, not split into two headwords
    expect(nouns('Sekunde {f} /Sek.; sek./ | Sekunden {pl} :: second /sec./ | seconds')).toEqual([
      ['Sekunde', 'Sekunden', []],
    ])
    // an article before the plural (not kept: the plural is looked up as written), -leute for
    // -mann
    expect(nouns('Ungar {m}; Ungarin {f} | die Ungarn {pl} :: Hungarian | Hungarians')).toEqual([
      ['Ungar', 'Ungarn', []],
      ['Ungarin', null, []],
    ])
    expect(
      nouns(
        'Vormann {m}; Vorarbeiter {m} | Vorleute {pl}; Vormänner {pl}; Vorarbeiter {pl} :: foreman | foremen',
      ),
    ).toEqual([
      ['Vormann', 'Vorleute', ['Vormänner']],
      ['Vorarbeiter', 'Vorarbeiter', []],
    ])
  })

  it('imports a Ding file, reports malformed lines, and lets its words be looked up', async () => {
    const { core, lookup } = await glossary()
    const data = readFileSync(join(LEX, 'mini.ding')).toString('base64')
    const result = await call(core, 'dict.import', { name: 'Mini', data })
    expect(result).toMatchObject({ name: 'Mini', malformed: 3 })
    expect(result.examples.map((e) => e.line)).toHaveLength(3)
    expect(result.entries).toBeGreaterThan(25)
    expect(await lookup('Überprüfungsmöglichkeiten')).toMatchObject({
      found: true,
      lemma: 'Überprüfungsmöglichkeit',
      gloss: 'possibility of verification',
      source: 'dict',
      article: 'die',
    })
    // a second import of the same dictionary replaces the first
    await call(core, 'dict.import', { name: 'Mini', data })
    const status = await call(core, 'dict.status', {})
    expect(status.dictionaries.map((d) => d.name)).toEqual(['Mini'])
  })

  it('refuses a file that is not a dictionary, with one line', async () => {
    const { core } = await glossary()
    const r = await core.invoke('dict.import', {
      name: 'x',
      data: Buffer.from('Dies ist ein Roman.\nOhne Wörterbuch.').toString('base64'),
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^No dictionary entries were found \(2 malformed lines\)/),
      },
    })
  })

  it('offers a copy of the dictionary that is on this computer', async () => {
    const core = testCore({ systemDictionaries: [join(LEX, 'mini.ding')] })
    expect((await call(core, 'dict.status', {})).systemCopy).toBe(join(LEX, 'mini.ding'))
    await call(core, 'dict.importSystem', {})
    expect((await call(core, 'dict.status', {})).systemCopy).toBeNull()
  })

  it('offers to import again a dictionary an older version of Lesesaal read', async () => {
    const core = testCore({ systemDictionaries: [join(LEX, 'mini.ding')] })
    // imported by its path under a name of its own (as the command line does)
    await call(core, 'dict.import', { name: 'de-en', path: join(LEX, 'mini.ding') })
    const current = await call(core, 'dict.status', {})
    expect(current.dictionaries.map((d) => d.outdated)).toEqual([false])
    expect(current.systemOutdated).toBe(false)
    // as a library imported before the reader kept its version
    core.db.prepare("DELETE FROM settings WHERE key LIKE 'lexicon.dingReader:%'").run()
    const old = await call(core, 'dict.status', {})
    expect(old.dictionaries.map((d) => d.outdated)).toEqual([true])
    expect(old).toMatchObject({ systemCopy: join(LEX, 'mini.ding'), systemOutdated: true })
    await call(core, 'dict.importSystem', {})
    const again = await call(core, 'dict.status', {})
    expect(again).toMatchObject({ systemCopy: null, systemOutdated: false })
    // the system copy's import replaced that import, not added a second
    expect(again.dictionaries.map((d) => d.name)).toEqual(['de-en'])
  })
})

// CI installs Debian's trans-de-en; elsewhere it is looked for where it is usually installed,
// or LESESAAL_TEST_DICTIONARY points at a copy. Missing, the test fails with one line saying
// what to install.
const DEBIAN = findDictionary()
describe('ranking senses', () => {
  it('holds a narrowing qualifier against a sense, not a valency pattern', () => {
    expect(narrowed('to be fast (of a timepiece)')).toBe(true)
    expect(narrowed('to deal (card game)')).toBe(true)
    expect(narrowed('chance (at/for/of something happening / to do sth.)')).toBe(true)
    expect(narrowed('comparison (with sb./sth., of sb./sth., between sb./sth.)')).toBe(false)
    expect(narrowed('possibility (of sth. / of doing sth.)')).toBe(false)
    expect(narrowed('responsibility (of sb. for sth.)')).toBe(false)
    // one word in brackets is a label, not a qualifier
    expect(narrowed('fear (coll.)')).toBe(false)
    expect(narrowed('fear')).toBe(false)
  })
})

describe('declined articles, pronouns and contractions', () => {
  it('are read as forms of the headwords dictionaries give', () => {
    expect(determinerBases('des')).toEqual({ bases: ['der'], always: true })
    expect(determinerBases('zur')).toEqual({ bases: ['zu'], always: true })
    expect(contractionOf('zur')).toBe('zur = zu + der')
    expect(contractionOf('zu')).toBeNull()
    expect(determinerBases('seinem')?.bases).toEqual(['seine'])
    expect(determinerBases('diesen')?.bases).toContain('dieser')
    expect(determinerBases('keinen')?.bases).toEqual(['keine'])
    expect(determinerBases('kein')?.bases).toEqual(['keine'])
    // a headword itself is no form of itself; other words are none
    expect(determinerBases('alle')).toBeNull()
    expect(determinerBases('allee')).toBeNull()
    expect(determinerBases('seite')).toBeNull()
    expect(determinerBases('regierung')).toBeNull()
    // ordinals with an ending only ("erst" is the adverb "only")
    expect(determinerBases('dritten')?.bases).toEqual(['dritte'])
    expect(determinerBases('erst')).toBeNull()
    expect(determinerBases('erste')).toBeNull()
  })
})

describe('which person "sie" is', () => {
  // the lexicon's answer for "is this lower-case word a verb form", for these sentences
  const VERBS = new Set(['forderten', 'warnte', 'lehnen', 'schrieben', 'stimmen', 'mahnt'])
  const numberOf = (text: string, word = 'sie') => {
    const tokens = tokenize(text)
    const i = tokens.findIndex((t) => t.key === word)
    return verbNumberAt(tokens, i, (key) => VERBS.has(key))
  }

  it('reads the number of the finite verb beside it', () => {
    expect(numberOf('Sie forderten eine neue Abstimmung.')).toBe('plural')
    expect(numberOf('Sie warnte vor den Folgen.')).toBe('singular')
    expect(numberOf('Am Abend schrieben sie einen offenen Brief.')).toBe('plural')
    expect(numberOf('Gestern hat sie den Vorsitz abgegeben.')).toBe('singular')
    expect(numberOf('Die Gewerkschaft mahnt, sie seien zu spät.')).toBe('plural')
    // an infinitive, then the finite verb
    expect(numberOf('Es ist unklar, ob sie zustimmen wird.')).toBeNull()
    expect(numberOf('Es bleibt offen, welche Pläne sie lehnen will.')).toBe('singular')
  })

  it('decides nothing where the verb beside it is not its own', () => {
    // another subject before the verb; an object after a preposition; an adverb beside it
    expect(numberOf('Die Wähler stimmen sie nicht um.')).toBeNull()
    expect(numberOf('Die Partei setzt auf sie und ihre Ideen.')).toBeNull()
    expect(numberOf('Er traf sie gestern am Bahnhof.')).toBeNull()
    // a participle is no finite verb
    expect(numberOf('Man weiß, dass sie gewählt wurden.')).toBeNull()
  })

  it('is the polite address where it is capitalised in mid-sentence', () => {
    expect(numberOf('Wann haben Sie davon erfahren?', 'sie')).toBe('plural')
    expect(personCost('you (polite form of address)', 'plural', 'noun')).toBe(0)
    expect(personCost('they (them)', 'plural', 'noun')).toBeGreaterThan(0)
    expect(personCost('they (them)', 'plural', 'initial')).toBe(0)
    expect(personCost('she (her)', 'singular', 'lower')).toBe(0)
    expect(personCost('she (her)', 'plural', 'lower')).toBeGreaterThan(0)
  })
})

describe("Debian's trans-de-en", () => {
  it('imports completely, with its few malformed lines counted', async () => {
    if (!DEBIAN) expect.fail(missingDictionary())
    const core = testCore({ systemDictionaries: [DEBIAN] })
    // a word looked up in its sentence, as the popover does
    const inText = (word: string, text: string) =>
      core.lexicon.lookup(word, false, { text, offset: text.indexOf(word) })
    const result = await call(core, 'dict.importSystem', {})
    expect(result.lines).toBeGreaterThan(200_000)
    // (about 397,000: the sub-entries of "{v}" verbs are forms of their verb, not entries)
    expect(result.entries).toBeGreaterThan(390_000)
    expect(result.malformed).toBeLessThan(200)
    const info = await core.lexicon.lookup('Hafenstadt', false)
    expect(info).toMatchObject({ found: true, gender: 'f', source: 'dict' })
    // with 450,000 dictionary entries loaded, the glossary's words still resolve as they should
    await core.ensureGlossary()
    for (const [word, lemma, parts] of [
      ['Sechsparteiengespräche', 'Sechs-Parteien-Gespräche', null],
      ['Atomwaffenprogramm', 'Atomwaffenprogramm', ['Atomwaffe', 'n', 'Programm']],
      ['Sicherheitsgarantien', 'Sicherheitsgarantie', ['Sicherheit', 's', 'Garantie']],
      ['Gipfeltreffens', 'Gipfeltreffen', null],
      ['Machthabers', 'Machthaber', null],
      ['Sanktionslisten', 'Sanktionsliste', ['Sanktion', 's', 'Liste']],
    ] as const) {
      const r = await core.lexicon.lookup(word, false)
      expect(r.lemma, word).toBe(lemma)
      if (parts) expect(r.parts, word).toEqual(parts)
    }
    // separable verbs in their sentence, from the dictionary's verb forms
    for (const [text, word, lemma] of [
      ['Die Gespräche fanden in Genf statt.', 'fanden', /^stattfinden$/],
      ['Russland wies die Vorwürfe zurück.', 'wies', /^zurückweisen$/],
      ['Die Delegationen kamen erst spät zusammen.', 'zusammen', /^zusammenkommen$/],
      ['Der Kanzler stellt das Programm heute vor.', 'stellt', /^vorstellen$/],
      // a particle is the verb's of its own clause: a finite verb after a comma begins the next
      // ("fiel … auf" is auffallen, not "stand … auf"), and a word that could be a verb form
      // leaves a particle another verb has ("werfen … vor"); "fügte" is a past, not a participle
      ['Wie berichtet, sieht der Entwurf eine Frist vor.', 'berichtet', /^berichten$/],
      ['Nach dem Spiel stand er lange auf dem Rasen, fiel aber kaum auf.', 'stand', /^stehen$/],
      ['Dennoch werfen einige Kritiker der Regierung Untätigkeit vor.', 'einige', /^einige$/],
      ['Das sei nicht genug, fügte die Ministerin hinzu.', 'fügte', /hinzufügen$/],
      // a personal pronoun's form the dictionary lacks
      ['Wir zeigen ihnen den Weg.', 'ihnen', /^sie$/],
    ] as const) {
      const r = await inText(word, text)
      expect(r.lemma, text).toMatch(lemma)
    }
    const weg = 'Wir zeigen ihnen den Weg.'
    expect((await inText('ihnen', weg)).gloss).toMatch(/^they\b/)
    // "Leute" is a noun of its own, not a plural the dictionary gives beside "Kerl" (for a
    // synonym of it)
    const leute = 'Viele Leute protestierten vor dem Rathaus.'
    expect(await inText('Leute', leute)).toMatchObject({
      lemma: 'Leute',
      gloss: expect.stringMatching(/^people\b/),
    })
    // a noun's main sense, the one its line gives the most examples and phrases for (not
    // "tail" for Ende, not "charge" for Verantwortung, not "starch" for Stärke)
    for (const [text, word, gloss] of [
      ['Der Prozess soll Ende Mai beginnen.', 'Ende', /^end\b/],
      ['Sie übernahm die Verantwortung für den Fehler.', 'Verantwortung', /^responsibility\b/],
      ['Die Stärke des Euro überraschte die Märkte.', 'Stärke', /^strength\b/],
      // a place name the dictionary gives no gender is a noun too: the city, not the river
      // Wien, not a compound of "Land" for Mailand
      ['In Wien trafen sich die Außenminister.', 'Wien', /^Vienna\b/],
      ['Die Modewoche in Mailand beginnt.', 'Mailand', /^Milan\b/],
      // an article before a noun is the article; without one, "die" is the relative pronoun
      ['Die Regierung hat das Gesetz beschlossen.', 'Die', /^the$/],
      ['Eine Frau wurde verletzt.', 'Eine', /^a; an$/],
      ['Es sind Menschen, die helfen wollen.', 'die', /\bwho\b/],
      // at a sentence's start the capital says nothing: the pronoun, not das Ich (the ego) or
      // the river Seine; the word for everyone, not das All (outer space)
      ['Ich habe das nicht gewusst.', 'Ich', /^I\b/],
      ['Seine Partei verlor die Wahl.', 'Seine', /^his\b/],
      ['Alle Abgeordneten stimmten zu.', 'Alle', /^all\b/],
      // what a sense takes in brackets does not narrow it: "comparison (with sb./sth.)", not
      // the legal settlement; "fear (of sth.)", not a scare; "access (to sth.)", not a raid
      ['Im Vergleich zum Vorjahr sank die Zahl der Anträge.', 'Vergleich', /^comparison\b/],
      ['Die Angst vor einer Rezession wächst.', 'Angst', /^fear\b/],
      ['Der Zugriff auf die Akten bleibt beschränkt.', 'Zugriff', /^access\b/],
      ['Der Wechsel an der Spitze der Behörde kam überraschend.', 'Wechsel', /^change\b/],
      // a preposition's main senses: the commonest words ("with", not "cum"; "from", not "off"),
      // the line with the most examples
      ['Der Brief kam von einer Anwältin aus Kiel.', 'von', /^(?:of; )?from\b/],
      ['Mit einem Kompromiss endete der Streit.', 'Mit', /^with\b/],
      ['Für die Opposition ist das zu wenig.', 'Für', /^for\b/],
      // in running text a preposition is one, not an adverb or a verb written alike ("mit":
      // with, not "too"; "seit": not a form of sein)
      ['Er sprach lange mit dem Minister.', 'mit', /^with\b/],
      ['Die Partei stimmte gegen den Antrag.', 'gegen', /^against\b/],
      // Ding's "{prp; +Gen.; +Dat. [ugs.]}" labels the dative colloquial, not the word
      ['Die Wahl wurde wegen eines Sturms verschoben.', 'wegen', /^because of\b/],
      ['Die Lage ist seit Jahren angespannt.', 'seit', /^(?:for|since)\b/],
      // a gloss of function words only is a gloss too for a verb or a pronoun ("sein": to be,
      // not "gegen etw. sein", to object; "sich": oneself, not the archaic "thyself")
      ['Das Urteil sei noch nicht rechtskräftig, sagte die Richterin.', 'sei', /^to be\b/],
      ['Die Lage hat sich spürbar verbessert.', 'sich', /^oneself\b/],
      ['Am Ende gab es keine Einigung.', 'keine', /^no\b/],
      // an adverb's main sense, the one its line gives the most examples for ("schon": not
      // "all right"), unless an adjective is written alike
      ['Die Verhandlungen laufen schon seit Wochen.', 'schon', /^already\b/],
      ['Der Streik dauerte fast zwei Wochen.', 'fast', /^almost\b/],
      // before a number, the sense that says "about" ("rund 300": not round; "etwa": not perhaps)
      ['Rund 300 Menschen kamen zur Kundgebung.', 'Rund', /^around\b/],
      ['Die Reparatur kostet etwa 4000 Euro.', 'etwa', /^approximately\b/],
      ['Der Tisch im Saal ist rund.', 'rund', /^round\b/],
      // the article before an adjective and its noun, and in its forms ("eines": not "one")
      ['Die Firma plant eine deutliche Erweiterung.', 'eine', /^a; an$/],
      ['Der Bau eines Tunnels kostet Milliarden.', 'eines', /^a; an$/],
      // Ding calls its plural pronouns plural nouns ("wir {ppron} {pl}"): "we", not nothing
      ['Morgen wissen wir mehr.', 'wir', /^we\b/],
      // "sie" is she, they or you as the verb beside it says
      ['Sie verlangten eine Entschuldigung.', 'Sie', /^they\b/],
      ['Sie verlangte eine Entschuldigung.', 'Sie', /^she\b/],
      ['Danach trafen sie sich im Rathaus.', 'sie', /^they\b/],
      ['Wie beurteilen Sie die Lage?', 'Sie', /^you\b/],
    ] as const)
      expect((await inText(word, text)).gloss, text).toMatch(gloss)
    // a contraction says what it stands for
    const wahl = 'Am Sonntag geht das Land zur Wahl.'
    expect((await inText('zur', wahl)).explanation).toBe('zur = zu + der')
    // shown as the pronoun it is, not as "die sie", a plural noun
    const they = 'Sie verlangten eine Entschuldigung.'
    expect(await inText('Sie', they)).toMatchObject({
      gloss: expect.stringMatching(/^they\b/),
      pos: 'other',
      article: null,
      plural: null,
    })
    // a plural headword beats a singular only read by rule ("Kosten" are costs, not a plural
    // of Kost, food), not one listed or read as directly ("Gebäudes": Gebäude's genitive, not
    // the plural headword Gebäude, edifices; "Franzosen": Franzose's plural, not its slang)
    for (const [text, word, lemma, gloss] of [
      ['Die Kosten für den Neubau steigen.', 'Kosten', 'Kosten', /\bcost\b/],
      // … and, with a line of forty examples, a word of its own: "data", not Datum's dates
      ['Die Daten der Kunden lagen offen im Netz.', 'Daten', 'Daten', /^data\b/],
      // the party, from the built-in glossary (the dictionary's rule-read Grün is a colour)
      ['Die Grünen fordern ein Tempolimit.', 'Grünen', 'Grünen', /\bGreens\b/],
      ['Die Fassade des Gebäudes wird erneuert.', 'Gebäudes', 'Gebäude', /^building\b/],
      ['Die Franzosen wählen im Frühjahr.', 'Franzosen', 'Franzose', /^Frenchman\b/],
      // declined articles and pronouns and contractions, which the dictionary lists in one form
      ['Das Ende des Streits kam überraschend.', 'des', 'der', /^the$/],
      ['Er fuhr mit seinem Bruder nach Linz.', 'seinem', 'seine', /^his\b/],
      ['Am Sonntag geht das Land zur Wahl.', 'zur', 'zu', /^to\b/],
      ['Keiner der anderen Gäste blieb.', 'anderen', 'anderer', /^other\b/],
      // ordinals and "hoch" declined; an adverb takes no case ending ("erste" is no erst)
      ['Im zweiten Anlauf klappte es.', 'zweiten', 'zweite', /^second\b/],
      ['Die erste Sitzung endete früh.', 'erste', 'erste', /^first\b/],
      ['Die hohen Mieten treiben viele aus der Stadt.', 'hohen', 'hoch', /^high\b/],
      ['Die täglichen Staus nerven die Pendler.', 'täglichen', 'täglich', /^daily\b/],
    ] as const)
      expect(await inText(word, text), text).toMatchObject({
        lemma,
        gloss: expect.stringMatching(gloss),
      })
    // "auf" closing the clause is no particle here; the clause is the fixed phrase "auf den
    // Tisch legen" (news uses it for "to table": a literal reading is the simple verb, first
    // among the other meanings)
    const legen = 'Er legte das Buch auf den Tisch.'
    const legte = await inText('legte', legen)
    expect(legte.via).toBe('phrase')
    expect(legte.more[0]?.lemma).toMatch(/legen$/)
  }, 120_000)
})
