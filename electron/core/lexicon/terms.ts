/**
 * Marking glossary terms in running text: the built-in glossary's nouns, abbreviations and
 * multi-word terms and all own terms, minus everyday words. Names are never terms ("Un" in
 * "Kim Jong Un"), and an abbreviation matches only as written (UN, not "Un").
 */
import type { TermMatch } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Token } from './context'

/**
 * Built-in glossary words a reader of German news already knows: they help compound splits
 * and can be looked up, but marking them would underline half of every article. Verbs,
 * adjectives and adverbs of the glossary stay unmarked for the same reason.
 */
const FAMILIAR = new Set(
  `amt anlage armee auge bank bericht besuch bund bürger chef debatte dienst druck energie
  ergebnis erklärung euro export fernsehen freiheit frieden frist front führung gas gebiet
  gefahr gegner gericht gesellschaft gesetz gespräch gewalt grenze handel heimat hilfe hof
  import interesse interview kabel kampf kommentar konferenz kontrolle kraft krieg krise
  kritik lage land liste luft macht markt maßnahme meldung mensch mitglied nachricht öl
  paket partei partner politik polizei position preis presse programm protest prozent
  quelle reaktion recht rede region regierung schaden schulden schutz sender sicherheit
  sitz sitzung staat steuer stimme strafe streit tag teil test tisch treffen unternehmen
  volk wahl wähler wirtschaft zeitung zentrum zettel ziel`.split(/\s+/),
)

function markable(lemmaKey: string, pos: string): boolean {
  return (pos === 'noun' || pos === 'abbr' || pos === 'phrase') && !FAMILIAR.has(lemmaKey)
}

interface Term {
  id: number
  lemma: string
  /** Written in capitals (UN, EU): the text must write it so too. */
  capitals: string | null
}

export class GlossaryTerms {
  private index: {
    words: Map<string, Term>
    phrases: Map<string, { keys: string[]; entryId: number; lemma: string }[]>
  } | null = null

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.index = null
  }

  private load() {
    if (this.index) return this.index
    const words = new Map<string, Term>()
    const phrases = new Map<string, { keys: string[]; entryId: number; lemma: string }[]>()
    const rows = stmt(
      this.db,
      `SELECT e.id, e.lemma, e.key, e.pos, e.source, e.key AS lemmaKey FROM lexicon_entries e WHERE e.source IN ('user', 'builtin')
       UNION ALL SELECT e.id, e.lemma, f.key, e.pos, e.source, e.key FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id WHERE e.source IN ('user', 'builtin')`,
    ).all() as {
      id: number
      lemma: string
      key: string
      pos: string
      source: string
      lemmaKey: string
    }[]
    // own terms come first in the table of a key
    rows.sort(
      (a, b) => (a.source === 'user' ? 0 : 1) - (b.source === 'user' ? 0 : 1) || a.id - b.id,
    )
    for (const r of rows) {
      // everyday words stay unmarked (they can still be looked up); own terms are always marked
      if (r.source !== 'user' && !r.lemmaKey.includes(' ') && !markable(r.lemmaKey, r.pos)) continue
      const keys = r.key.split(' ')
      if (keys.length === 1) {
        const capitals = r.pos === 'abbr' && r.lemma === r.lemma.toUpperCase() ? r.lemma : null
        if (!words.has(r.key)) words.set(r.key, { id: r.id, lemma: r.lemma, capitals })
      } else {
        const list = phrases.get(keys[0]!) ?? []
        list.push({ keys, entryId: r.id, lemma: r.lemma })
        phrases.set(keys[0]!, list)
      }
    }
    for (const list of phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length)
    this.index = { words, phrases }
    return this.index
  }

  /**
   * The glossary terms among a text's tokens. `isName(i)` says which tokens are names (never
   * marked); a multi-word term ("Vereinte Nationen") is matched before names are asked.
   */
  find(text: string, tokens: Token[], isName: (i: number) => boolean): TermMatch[] {
    const { words, phrases } = this.load()
    const out: TermMatch[] = []
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      const candidates = phrases.get(t.key)
      const phrase = candidates?.find((p) =>
        p.keys.every(
          (k, n) =>
            tokens[i + n]?.key === k &&
            (n === 0 || !text.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start).includes('\n')),
        ),
      )
      if (phrase) {
        out.push({
          start: t.start,
          end: tokens[i + phrase.keys.length - 1]!.end,
          lemma: phrase.lemma,
          entryId: phrase.entryId,
        })
        i += phrase.keys.length - 1
        continue
      }
      const term =
        words.get(t.key) ?? (t.key.includes('-') ? words.get(t.key.replace(/-/g, '')) : undefined)
      if (!term || (term.capitals && t.raw !== term.capitals) || isName(i)) continue
      out.push({ start: t.start, end: t.end, lemma: term.lemma, entryId: term.id })
    }
    return out
  }
}
