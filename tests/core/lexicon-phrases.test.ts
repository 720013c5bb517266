/**
 * A verb read inside the fixed phrase of its clause ("trat … in Kraft": in Kraft treten), and
 * how a word's dictionary senses are put in order: usage labels stay with their synonym, and
 * senses that other senses agree with come first.
 */
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../electron/core/lexicon/context'
import { parseDingLine } from '../../electron/core/lexicon/ding'
import { phraseAt, phraseParts, type PhraseLexicon } from '../../electron/core/lexicon/phrases'
import { agreement } from '../../electron/core/lexicon/senses'

describe('phraseParts', () => {
  it('takes the verb and the fixed words, leaving out objects and governed prepositions', () => {
    expect(phraseParts('in Kraft treten')).toEqual({
      verb: 'treten',
      fixed: [
        { words: ['in'], noun: false },
        { words: ['kraft'], noun: true },
      ],
      reflexive: false,
    })
    expect(phraseParts('an jdm./etw. Kritik üben')?.fixed).toEqual([
      { words: ['kritik'], noun: true },
    ])
    expect(phraseParts('etw. in Frage stellen')?.fixed.map((s) => s.words[0])).toEqual([
      'in',
      'frage',
    ])
    expect(phraseParts('in den Streik/Ausstand treten')?.fixed[2]).toEqual({
      words: ['streik', 'ausstand'],
      noun: true,
    })
    expect(phraseParts('sich Sorgen machen')?.reflexive).toBe(true)
  })

  it('is null for headwords that are no verb phrase with a noun', () => {
    expect(phraseParts('sicher sein')).toBeNull() // no noun: says no more than its words
    expect(phraseParts('gegen etw. vorgehen')).toBeNull()
    expect(phraseParts('Vereinte Nationen')).toBeNull() // no verb at the end
    expect(phraseParts('treten')).toBeNull()
  })
})

/** A lexicon of a few phrases; every lower-case word ending in -en is an infinitive. */
const PHRASES: Record<string, string[]> = {
  treten: ['in Kraft treten', 'außer Kraft treten', 'in den Ruhestand treten'],
  kommen: ['ums Leben kommen', 'zum Einsatz kommen'],
  spielen: ['eine Rolle spielen', 'eine wichtige Rolle spielen', 'bei etw. eine Rolle spielen'],
  haben: ['einen Schlag haben', 'zur Folge haben'],
  sein: ['Teil von etw. sein', 'in der Lage sein'],
  geben: ['jdm. Zeit geben'],
  machen: ['sich Sorgen machen'],
}
const lexicon: PhraseLexicon = {
  phrases: (verb) => PHRASES[verb] ?? [],
  isInfinitive: (key) => /en$/.test(key),
}
const INFINITIVES: Record<string, string[]> = {
  trat: ['treten'],
  getreten: ['treten'],
  kam: ['kommen'],
  spielte: ['spielen'],
  habe: ['haben'],
  hatte: ['haben'],
  ist: ['sein'],
  war: ['sein'],
  gibt: ['geben'],
  machen: ['machen'],
  mache: ['machen'],
}

function phraseIn(text: string, word: string) {
  const tokens = tokenize(text)
  const i = tokens.findIndex((t) => t.raw === word)
  const match = phraseAt(tokens, i, INFINITIVES[word.toLowerCase()] ?? [], lexicon)
  return match && { keys: match.keys, words: match.tokens.map((k) => tokens[k]!.raw) }
}

describe('phraseAt', () => {
  it('finds the phrase around a verb form anywhere in its clause', () => {
    expect(phraseIn('Der Vertrag trat im Mai in Kraft.', 'trat')).toEqual({
      keys: ['in kraft treten'],
      words: ['in', 'Kraft'],
    })
    expect(phraseIn('Das Gesetz ist im Mai in Kraft getreten.', 'getreten')?.keys).toEqual([
      'in kraft treten',
    ])
    expect(phraseIn('Bei dem Unfall kam ein Radfahrer ums Leben.', 'kam')?.keys).toEqual([
      'ums leben kommen',
    ])
    // the first word of a sentence may be capitalised
    expect(phraseIn('Eine große Rolle spielte das Wetter.', 'spielte')?.keys).toEqual([
      'eine rolle spielen',
      'bei etw. eine rolle spielen',
    ])
  })

  it('prefers the phrase with the most words and allows adjectives between them', () => {
    expect(phraseIn('Der Streit spielte eine wichtige Rolle.', 'spielte')?.keys).toEqual([
      'eine wichtige rolle spielen',
    ])
    expect(phraseIn('Der Streit spielte eine große Rolle.', 'spielte')?.words).toEqual([
      'eine',
      'Rolle',
    ])
  })

  it('does not read a phrase where its words are missing, apart or elsewhere', () => {
    expect(phraseIn('Sie trat gegen den Ball.', 'trat')).toBeNull()
    // another clause
    expect(phraseIn('Er trat zurück, als das Gesetz in Kraft war.', 'trat')).toBeNull()
    // the first "in" is too far from "Kraft", the second is not
    expect(
      phraseIn('Der Vertrag trat in den nächsten Wochen wieder in Kraft.', 'trat')?.keys,
    ).toEqual(['in kraft treten'])
    // more than two words between the phrase's words
    expect(phraseIn('Die Gruppe kam ums nächste große alte Leben.', 'kam')).toBeNull()
  })

  it('leaves out auxiliaries, a noun as subject of sein, "es gibt" and missing pronouns', () => {
    // "habe … gespürt": haben is an auxiliary there
    expect(phraseIn('Dann habe ich einen Schlag am Knöchel gespürt.', 'habe')).toBeNull()
    expect(phraseIn('Das hatte zur Folge, dass alle gingen.', 'hatte')?.keys).toEqual([
      'zur folge haben',
    ])
    // the noun is the sentence's subject: no "Teil von etw. sein"
    expect(phraseIn('Ein Teil der Antwort ist die Rückführung.', 'ist')).toBeNull()
    expect(phraseIn('Die Stadt war nicht in der Lage, zu zahlen.', 'war')?.keys).toEqual([
      'in der lage sein',
    ])
    expect(phraseIn('Diese Ängste gibt es seit langer Zeit.', 'gibt')).toBeNull()
    expect(phraseIn('Die Eltern machen Sorgen.', 'machen')).toBeNull()
    expect(phraseIn('Die Eltern machen sich Sorgen.', 'machen')?.keys).toEqual([
      'sich sorgen machen',
    ])
    // a sentence's first word is no noun: "Laut Berichten …"
    expect(phraseIn('Laut Berichten trat der Minister zurück.', 'trat')).toBeNull()
  })
})

describe('senses', () => {
  it('keeps a usage label with its synonym and a subject area with the whole line', () => {
    const line = parseDingLine('Miete {f}; Mietzins {m} [Süddt.]; Pacht {f} [agr.] :: rent')
    expect(line.kind).toBe('entries')
    const entries = (line as { entries: { lemma: string; domain: string | null }[] }).entries
    const domain = (lemma: string) => entries.find((e) => e.lemma === lemma)?.domain
    expect(domain('Miete')).toBe('agr.')
    expect(domain('Mietzins')).toBe('Süddt.')
    expect(domain('Pacht')).toBe('agr.')
  })

  it('leaves an abbreviation out of its headword', () => {
    const line = parseDingLine(
      'Windkraftanlage {f} /WKA/; Windrad {n} | Windkraftanlagen {pl}; Windräder {pl} :: wind turbine | wind turbines',
    )
    const entries = (line as { entries: { lemma: string; gender: string | null }[] }).entries
    expect(entries.map((e) => [e.lemma, e.gender])).toEqual([
      ['Windkraftanlage', 'f'],
      ['Windrad', 'n'],
    ])
    // a slash between words is no abbreviation
    const both = parseDingLine('Streik/Ausstand {m} :: strike')
    expect((both as { entries: { lemma: string }[] }).entries[0]!.lemma).toBe('Streik/Ausstand')
  })

  it('counts the other senses whose gloss has a word of a sense’s first meaning', () => {
    const senses = [
      { gloss: 'to usher', domain: null },
      { gloss: 'to introduce sth.; to bring in sth. (innovation)', domain: null },
      { gloss: 'to introduce sb. (to sth.)', domain: null },
      { gloss: 'to institute sth.; to introduce sth.', domain: 'pol.' },
      // a regional sense lends no support
      { gloss: 'to usher in', domain: 'Ös.' },
    ]
    expect(agreement(senses)).toEqual([0, 2, 2, 0, 1])
  })
})
