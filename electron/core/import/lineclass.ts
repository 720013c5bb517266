/**
 * A classifier for the lines of scraped plain text, where no markup tells the article from
 * the page around it. Each line is scored from features that hold on pages nobody wrote rules
 * for: its length, its share of German function words, sentence punctuation, words typical
 * of page furniture, capitalisation (menus are rows of capitalised nouns), counters and
 * times, and repetition within the page. Then, as jusText does for HTML paragraphs, short and
 * uncertain lines take the class of their neighbours.
 */
import { stopwordStats } from './html/stopwords'
import { endsLikeSentence, type Line } from './lines'
import { reviseByContext, type ContextClass } from './contextRules'
import { tableRows } from './tablerows'

export type LineClass = ContextClass

/** Words that make up page furniture: menus, players, teasers, account and share bars. */
const FURNITURE_WORDS = new Set(
  (
    'startseite home menü menu suche login anmelden abmelden registrieren konto abo abos ' +
    'abonnieren abonnent abonnenten e-paper epaper newsletter podcast podcasts mediathek ' +
    'audiothek video videos audio hören anhören starten abspielen teilen merken gemerkt drucken ' +
    'weiterlesen lesen zurück übersicht kommentare kommentieren impressum datenschutz kontakt ' +
    'barrierefreiheit cookies app apps herunterladen jetzt hier klicken facebook twitter x ' +
    'whatsapp instagram youtube linkedin xing e-mail mail rss live liveticker newsticker ticker ' +
    'nachrichten news themen ressorts service wetter sport politik wirtschaft kultur meinung ' +
    'panorama regional lokales region märkte aktien devisen rohstoffe börse min minuten sek ' +
    'seite schließen öffnen laden anzeigen aktualisieren testen gratis kostenlos plus premium ' +
    'exklusiv angebot angebote shop jobs karriere mehr weitere alle top meistgelesen empfohlen ' +
    'verein abteilungen mitglied bürgerservice rathaus presse aktuelles termine'
  ).split(/\s+/),
)

const WORD = /[\p{L}][\p{L}-]*/gu
const COUNTER =
  /^\d+$|(?:^|\s)\d{1,2}:\d{2}(?:\s|$)|\(\d+\)|\bvor \d+ (?:Sekunden|Minuten|Stunden|Tagen|Wochen)\b|\b\d+\s*(?:Min\.?|Sek\.?|Minuten)(?:\s|$)/

export interface LineFeatures {
  chars: number
  words: number
  stopShare: number
  furnitureShare: number
  capitalShare: number
  sentence: boolean
  innerPunctuation: boolean
  counter: boolean
  repeated: boolean
  /** A row of a table (a result, a pairing): its shape is not a menu's (see tablerows.ts). */
  tableRow: boolean
}

/** The features of one line. `seen` counts how often each line occurs on the page. */
export function lineFeatures(text: string, seen: Map<string, number>): LineFeatures {
  // the word-level shares of a long line are read from its start (it is prose either way)
  const sample = text.length > 400 ? text.slice(0, 400) : text
  const words = sample.match(WORD) ?? []
  const { stopwords } = stopwordStats(sample)
  let furniture = 0
  let capitals = 0
  for (const [k, w] of words.entries()) {
    if (FURNITURE_WORDS.has(w.toLowerCase())) furniture++
    if (k > 0 && w[0] !== w[0]!.toLowerCase()) capitals++
  }
  const n = words.length
  return {
    chars: text.length,
    words: n,
    stopShare: n ? stopwords / n : 0,
    furnitureShare: n ? furniture / n : 0,
    capitalShare: n > 1 ? capitals / (n - 1) : 1,
    sentence: endsLikeSentence(text) && !text.endsWith(':'),
    innerPunctuation: /[,;:–—"„“»«]/.test(text),
    counter: COUNTER.test(text),
    repeated: (seen.get(text.toLowerCase()) ?? 0) > 1,
    tableRow: false,
  }
}

/**
 * How strongly a line looks like page furniture (about 0–5): furniture words, a menu's shape
 * (capitalised words without function words or punctuation), counters, repetition; prose
 * signals (a sentence full of function words) count against it.
 */
export function furnitureEvidence(f: LineFeatures): number {
  let e = 0
  if (f.words > 0 && f.words <= 10) {
    if (f.furnitureShare >= 0.5) e += 2
    else if (f.furnitureShare >= 0.3) e += 1
  }
  // A menu is a row of capitalised words; a headline without function words still has a
  // verb in lower case ("FC Bayern entlässt Trainer").
  const menuShape =
    !f.tableRow &&
    f.words >= 3 &&
    f.words <= 12 &&
    f.stopShare === 0 &&
    !f.sentence &&
    !f.innerPunctuation &&
    f.capitalShare === 1
  if (menuShape) e += f.words >= 4 ? 2 : 1
  if (f.counter && f.words <= 6 && !f.tableRow) e += 1
  if (f.repeated && f.words <= 12) e += 1
  if (f.sentence && f.words >= 8 && f.stopShare >= 0.15) e -= 2
  else if (f.stopShare >= 0.25 && f.words >= 6) e -= 1
  return e
}

/** The context-free class of one line. */
export function classifyLine(f: LineFeatures): LineClass {
  const evidence = furnitureEvidence(f)
  if (evidence >= 2) return 'bad'
  if (f.words >= 10 && f.stopShare >= 0.15 && (f.sentence || f.innerPunctuation))
    return f.chars >= 150 ? 'good' : 'neargood'
  if (f.words < 6) return evidence >= 1 ? 'bad' : 'short'
  if (f.stopShare >= 0.12 || f.sentence) return 'neargood'
  return evidence >= 1 ? 'bad' : 'short'
}

/**
 * Classifies lines and revises short and near-good ones by their neighbours (jusText's
 * context rules). Lines already decided (`fixed`, e.g. by a named rule) keep their class.
 */
export function classifyLines(
  lines: Line[],
  fixed: (LineClass | null)[],
  /** Which lines are rows of a table (`tableRows`), when the caller has them already. */
  rows: readonly boolean[] = tableRows(lines.map((l) => l.text)),
): { initial: LineClass[]; final: LineClass[]; evidence: number[] } {
  const seen = new Map<string, number>()
  for (const l of lines) {
    const key = l.text.toLowerCase()
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const features = lines.map((l, i) => ({ ...lineFeatures(l.text, seen), tableRow: rows[i]! }))
  const evidence = features.map(furnitureEvidence)
  const initial = features.map((f, i) => fixed[i] ?? classifyLine(f))
  const cls = [...initial]
  reviseByContext(cls, (i) => Boolean(fixed[i]))
  return { initial, final: cls, evidence }
}
