/**
 * German-like news articles made up programmatically, for fixtures and benchmarks that need
 * many articles (a 2,000-article library for the search-typing test, 100,000 for the UI
 * benchmark) or very long ones. Every word list here was written for Lesesaal; the sentences
 * are grammatical enough to read, not to publish. Deterministic: the same seed gives the
 * same articles.
 */

/** A small, fast seeded random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!

export const OUTLETS = [
  'Elbe-Bote',
  'Oderkurier',
  'Rheinische Abendpost',
  'Allgäuer Tagblatt',
  'Nordsee-Echo',
  'Fichtelberg-Zeitung',
  'Spreewald-Anzeiger',
  'Radio Weserland',
  'Saale-Nachrichten',
  'Bodensee-Rundschau',
  'Ostholstein-Blatt',
  'Harzer Morgen',
] as const

const SUBJECTS = [
  'Der Stadtrat',
  'Die Landesregierung',
  'Der Bürgermeister',
  'Die Umweltministerin',
  'Der Verkehrsverbund',
  'Die Gewerkschaft',
  'Der Bauernverband',
  'Die Opposition im Landtag',
  'Der Kreistag',
  'Die Feuerwehr',
  'Das Gesundheitsamt',
  'Die Handelskammer',
  'Der Elternbeirat',
  'Die Polizeidirektion',
  'Der Wasserverband',
  'Die Österreichische Botschaft',
  'Der Ökologische Landbauverein',
  'Die Übergangsregierung',
] as const

const VERBS = [
  'beschloss am Dienstag',
  'kündigte am Montag an',
  'forderte in einer Erklärung',
  'kritisierte bei einer Sitzung',
  'verteidigte vor Journalisten',
  'prüft seit Wochen',
  'bestätigte am Abend',
  'lehnte überraschend ab',
  'begrüßte ausdrücklich',
  'verschob erneut',
] as const

const OBJECTS = [
  'den Ausbau der Radwege an der Hafenstraße',
  'die Sanierung der Grundschule im Nordviertel',
  'höhere Gebühren für das Parken in der Altstadt',
  'einen neuen Fahrplan für die Regionalbahn',
  'die Schließung des Hallenbads während des Winters',
  'zusätzliche Mittel für den Hochwasserschutz',
  'strengere Regeln für Ferienwohnungen',
  'die Fusion der beiden Sparkassen',
  'ein Verbot von Feuerwerk auf dem Marktplatz',
  'die Verlängerung der Straßenbahn bis zum Flughafen',
  'den Bau eines Windparks vor der Küste',
  'die Öffnung der Bibliothek am Sonntag',
  'die Übernahme der Klinik durch den Landkreis',
  'ein Förderprogramm für Flüchtlinge in Österreich',
  'die Ernennung einer neuen Schulleiterin',
] as const

const REASONS = [
  'weil die Kosten seit dem Frühjahr deutlich gestiegen sind',
  'nachdem Anwohner mehr als dreitausend Unterschriften gesammelt hatten',
  'obwohl das Gutachten zu einem anderen Ergebnis gekommen war',
  'da die Zuschüsse des Bundes erst im nächsten Jahr fließen',
  'um die Innenstadt für Familien attraktiver zu machen',
  'weil der Winter ungewöhnlich mild ausgefallen ist',
  'nachdem die Gespräche mit den Nachbargemeinden gescheitert waren',
  'damit die Arbeiten vor dem Sommer beginnen können',
] as const

const QUOTES = [
  '„Wir haben keine Zeit mehr zu verlieren“, sagte ein Sprecher.',
  '„Das ist ein guter Tag für die Region“, erklärte die Vorsitzende.',
  '„Die Rechnung zahlen am Ende die Bürger“, warnte ein Abgeordneter.',
  '„Wir werden die Entscheidung genau prüfen“, hieß es aus dem Ministerium.',
  '„Niemand hat mit so viel Zuspruch gerechnet“, räumte der Leiter ein.',
  '„Über die Einzelheiten sprechen wir nach den Ferien“, sagte die Ministerin.',
] as const

const FOLLOW_UPS = [
  'Eine endgültige Entscheidung soll im Herbst fallen.',
  'Die Verwaltung will bis Ende des Monats einen Zeitplan vorlegen.',
  'Kritiker befürchten, dass sich die Arbeiten über Jahre hinziehen.',
  'Der Landkreis hat seine Unterstützung bereits zugesagt.',
  'Auch die Nachbarstädte verfolgen das Vorhaben mit großem Interesse.',
  'Ein ähnliches Projekt war vor zehn Jahren am Widerstand der Händler gescheitert.',
  'Die Kosten werden auf rund zwölf Millionen Euro geschätzt.',
  'Für Donnerstag ist eine öffentliche Anhörung im Rathaus geplant.',
] as const

const PLACES = [
  'Rostock',
  'Görlitz',
  'Passau',
  'Flensburg',
  'Kassel',
  'Jena',
  'Lübeck',
  'Trier',
  'Zwickau',
  'Oldenburg',
  'Würzburg',
  'Cottbus',
] as const

/** One sentence of news prose. */
export function sentence(rnd: () => number): string {
  const kind = rnd()
  if (kind < 0.15) return pick(rnd, QUOTES)
  if (kind < 0.35) return pick(rnd, FOLLOW_UPS)
  return `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)}, ${pick(rnd, REASONS)}.`
}

/** A paragraph of `count` sentences. */
export function paragraph(rnd: () => number, count: number): string {
  return Array.from({ length: count }, () => sentence(rnd)).join(' ')
}

export interface GeneratedArticle {
  title: string
  outlet: string
  /** `YYYY-MM-DD`. */
  published: string
  author: string
  paragraphs: string[]
}

const FIRST = ['Anna', 'Jonas', 'Leonie', 'Mehmet', 'Clara', 'Piotr', 'Svenja', 'Tobias']
const LAST = ['Albers', 'Brandt', 'Köhler', 'Yilmaz', 'Sommer', 'Nowak', 'Ehlers', 'Vogt']

/** Article number `n` of a generated library (the same `n` and seed give the same article). */
export function article(n: number, seed = 1): GeneratedArticle {
  const rnd = random(seed * 1_000_003 + n)
  const place = pick(rnd, PLACES)
  const subject = pick(rnd, SUBJECTS).replace(/^(Der|Die|Das) /, '')
  const object = pick(rnd, OBJECTS).replace(/^(den|die|das|ein|einen|eine) /, '')
  const title = `${place}: ${subject} und ${object.charAt(0).toUpperCase()}${object.slice(1)} (${n})`
  const paragraphs = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () =>
    paragraph(rnd, 2 + Math.floor(rnd() * 4)),
  )
  const day = 1 + Math.floor(rnd() * 28)
  const month = 1 + Math.floor(rnd() * 12)
  const year = 2015 + Math.floor(rnd() * 10)
  return {
    title,
    outlet: OUTLETS[n % OUTLETS.length]!,
    published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    author: `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`,
    paragraphs,
  }
}

/** The article as a plain-text file the importer reads (title, date line, byline, text). */
export function articleFile(a: GeneratedArticle): string {
  const [y, m, d] = a.published.split('-')
  return [
    a.title,
    '',
    `${d}.${m}.${y}`,
    '',
    `Von ${a.author}`,
    '',
    ...a.paragraphs.flatMap((p) => [p, '']),
    `© ${a.outlet} ${y}`,
    '',
  ].join('\n')
}

/** One paragraph of about `chars` characters, without a title: a text pasted as one block. */
export function longParagraph(chars: number, seed = 7): string {
  const rnd = random(seed)
  let text = ''
  while (text.length < chars) text += (text ? ' ' : '') + sentence(rnd)
  return text
}
