/**
 * Boilerplate rules for scraped news pages. Each rule looks at one line (and, where said, its
 * neighbours) and names why the line is not article text. The rules run on untrusted text and
 * only ever classify it; nothing here executes or interprets markup.
 */
import { AGENCY_ALT, AGENCY_SET, PHOTO_SET } from './agencies'
import { COPYRIGHT, readAgencyLine, readAuthorLine, readCopyrightHolder } from './bylines'
import { countWords, endsLikeSentence, isHeadingLike } from './lines'
import { isNavigation, isSectionWord } from './navigation'
import { ROW_FURNITURE } from './rowfurniture'
import { isAudioTeaser, isPaywallTeaser, isPressLabel, readRepublicationNote } from './teasers'

export { NEWS_AGENCIES } from './agencies'
export { readAgencyLine, readAuthorLine, readCopyrightHolder, isNavigation, isSectionWord }

export type RuleName =
  | 'navigation'
  | 'page_furniture'
  | 'photo_credit'
  | 'caption'
  | 'caption_repeated'
  | 'gallery'
  | 'gallery_title'
  | 'consent_banner'
  | 'share_rating'
  | 'copyright'
  | 'related_links'
  | 'comment_furniture'
  | 'duplicate_line'
  | 'metadata'
  | 'title'
  | 'paywall'
  | 'audio_teaser'
  | 'republication_note'
  | 'contact'
  | 'boilerplate'
  | 'outlet_template'
  | 'user_furniture'
  | 'pull_quote'

const FURNITURE = [
  /^Sie sind hier\b.*$/i,
  /^Sie befinden sich (?:hier|auf|in)\b.*$/i,
  /^Du bist hier\b.*$/i,
  /^(?:Links|Weblinks|Linktipps|Externe Links|Quellen|Quellenangaben|Datum|Stand|Beitragslänge|Lesezeit|Lesedauer|Dauer|Autor(?:in)?|Quelle|Veröffentlicht|Aktualisiert|Ort|Kategorie|Rubrik|Ressort|Schlagworte|Schlagwörter|Tags|Themen)\s*:?\s*$/i,
  /^(?:ca\.\s*)?\d{1,3}\s*(?:min|Min\.?|Minuten|Sek\.?|Sekunden)(?:\s*Lesezeit)?\.?$/i,
  /^(?:Lesezeit|Lesedauer)\s*:?\s*(?:ca\.\s*)?\d{1,3}\s*(?:min|Min\.?|Minuten)\.?$/i,
  /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:min|Min\.?)?$/, // a video length
  /^(?:Artikel|Beitrag|Video|Audio)\s+(?:anhören|vorlesen(?:\s+lassen)?|abspielen|herunterladen)$/i,
  /^(?:Anzeige|Werbung|Sponsored|Gesponsert)$/i,
  // a broadcaster's note of when the piece ran ("Dieses Thema im Programm: Das Erste | …")
  /^Dieses Thema im Programm\s*:.*$/i,
  ...ROW_FURNITURE,
  /^(?:ANZEIGE|Anzeige|WERBUNG|Werbung)\s*[-–:|]\s*.{0,120}$/,
  /^(?:Schriftgröße|Textgröße)\b.*$/i,
  // tag lines: "Themen: Haushalt, Bundestag"
  /^(?:Themen|Schlagworte|Schlagwörter|Stichworte|Stichwörter|Tags|Kategorien?|Rubriken?)\s*:\s*[^.!?]{1,200}$/i,
  // download links: "Dieses Skript als PDF herunterladen", "Download (123 KB)"
  /^.{0,60}\b(?:als PDF|PDF|Audio|MP3|Datei)\s+(?:herunterladen|downloaden|speichern)$/i,
  /^Download\s*(?:\(\d+[.,]?\d*\s*[KM]B\))?$/i, // a link to the page's forum or gallery: "Zur Diskussion im Krollmann-Forum"
  /^(?:Hier\s+)?(?:zur|zum)\s+(?:Diskussion|Forum|Kommentarbereich|Bildergalerie|Galerie|Übersicht|Startseite|Dossier|Themenseite)\b.{0,60}$/i,
  // the letters page's note: "Die Redaktion behält sich vor, Leserbriefe zu kürzen."
  /^Die Redaktion behält sich (?:das Recht )?vor\b.{0,300}$/i,
  // a data disclaimer: "Kursdaten verzögert um 15 Minuten. Alle Angaben ohne Gewähr."
  /^.{0,80}\bAlle Angaben ohne Gewähr\.?$/i,
  // an opinion page's note: "Gastbeiträge geben die Meinung der Autorinnen und Autoren wieder, …"
  /^.{0,60}\b(?:geben|gibt|spiegeln|spiegelt)\b.{0,30}\bMeinung (?:de[rs]|von) (?:jeweiligen )?(?:Autor|Autorin|Autorinnen|Autoren|Verfasser|Verfasserin|Verfasserinnen|Gastautor|Gastautorin|Gastautoren)\b.{0,160}$/i,
  // a broadcaster's note on the text: "Dieser Text ist eine gekürzte Fassung des Beitrags."
  /^(?:Dieser|Der|Dies) (?:Text |Beitrag |Artikel )?ist eine (?:gekürzte|redigierte|bearbeitete|leicht gekürzte|schriftliche) (?:Fassung|Version)\b.{0,120}$/i,
  // a blog's like button as it loads: "Gefällt mir Wird geladen …"
  /^(?:Gefällt mir|Like)\s+(?:Wird geladen|Loading)\s*(?:…|\.\.\.)?$/i,
  // a shared link's call to read it: "👉 Jetzt lesen: https://…", "Zum Artikel: www.…"
  /^[^\p{L}\d]{0,8}(?:[\p{L}-]+\s+){0,4}(?:lesen|weiterlesen|ansehen|anschauen|anhören|öffnen|Artikel|Beitrag|Video|Mehr|Link|Details)\s*:?\s*(?:https?:\/\/|www\.)\S+$/iu,
  // a word processor's comment and a draft's length note: "Kommentar [LB1]: prüfen!",
  // "Länge: ca. 2.300 Zeichen"
  /^Kommentar\s*\[[\p{Lu}]{1,4}\d{1,3}\]\s*:.{0,200}$/u,
  /^(?:Länge|Umfang)\s*:\s*(?:ca\.\s*)?[\d.,]+\s*(?:Zeichen|Wörter|Worte|Zeilen)\b.{0,40}$/i,
  // a live blog's label and button: "+++ Liveblog +++", "Neue Einträge laden"
  /^\+{2,3}\s*(?:[\p{L}-]+\s*){1,3}\+{2,3}$/u,
  /^(?:Neue|Weitere|Ältere|Alle) (?:Einträge|Beiträge|Meldungen) (?:laden|anzeigen)$/i,
  // a podcast page's credits and labels: "Moderation: Jana Pohlmann · Gast: …", "Shownotes"
  // (a row of credits only: "Moderation: Miriam Janke" alone may be an event's programme)
  /^(?:Moderation|Moderator(?:in)?|Host)\s*:\s*\p{Lu}[^.!?·|]{1,80}\s[·|]\s[^.!?]{1,100}$/u,
  /^(?:Shownotes|Show Notes|Kapitelmarken|Links zur Folge|Über diese Folge)$/i,
  // a messenger post's view counter ("👁 12.4K") and forward note ("Weitergeleitet von …")
  /^\d{1,3}(?:[.,]\d)?\s?[KkMm]$/,
  /^(?:Weitergeleitet von|Forwarded from)\s.{1,80}$/i,
]

/** Page furniture: "Sie sind hier:", empty labels like "Datum:", "1 min", "Anzeige". */
export function isPageFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text))
}

const SHARE_WORDS = new Set(
  [
    'teilen',
    'artikel teilen',
    'beitrag teilen',
    'seite teilen',
    'link kopieren',
    'link teilen',
    'drucken',
    'merken',
    'kommentieren',
    'feedback',
    'versenden',
    'e-mail',
    'email',
    'mail',
    'facebook',
    'twitter',
    'x',
    'whatsapp',
    'telegram',
    'linkedin',
    'xing',
    'pinterest',
    'flipboard',
    'pocket',
    'mastodon',
    'threads',
    'bluesky',
    'reddit',
    'messenger',
    'instagram',
    'youtube',
    'tiktok',
    'rss',
    'teilen auf facebook',
    'auf facebook teilen',
    'abonnieren',
    'folgen',
    'gemerkt',
    'merken beendet',
    'bewertet',
    'bewertung entfernt',
    'abonniert',
    'abo beendet',
    'embed-code kopieren',
    'vorlesen',
    'zur merkliste',
    'zur merkliste hinzufügen',
    'gefällt mir',
    'empfehlen',
    'weiterempfehlen',
    'artikel merken',
    'artikel drucken',
    'artikel versenden',
    'merkliste',
    'melden',
    'antworten',
  ].map((w) => w.toLowerCase()),
)
const SHARE_SIGNALS =
  /\b(?:Gemerkt|Merken|Bewertet|Bewertung|Abonniert|Abo beendet|Embed-Code|HTML-Code|Zwischenablage|Artikel teilen|Teilen auf|Jetzt bewerten|Artikel bewerten|Beitrag bewerten|Sterne|hilfreich|Newsletter|abonnieren|Push-Benachrichtigung|Folgen Sie uns|Folge uns)\b/gi

/**
 * Banners, share bars and rating widgets are short (the longest in the fixtures and seed pages
 * is 250 characters). Rules that count signal words look only at lines up to this length: a
 * longer line is running text, and a one-paragraph article about browsers, apps or data
 * protection was thrown away whole by them (issue 12). Anchored phrases still apply to all.
 */
export const BANNER_MAX_CHARS = 300

/** Share, subscribe and rating furniture: "Teilen", "Facebook Twitter WhatsApp", "Bewertet!". */
export function isShareOrRating(text: string): boolean {
  const lower = text.toLowerCase().replace(/[!.:]+$/g, '')
  if (SHARE_WORDS.has(lower)) return true
  // a labelled row: "Artikel teilen: Facebook WhatsApp E-Mail"
  const labelled = /^([^:]{2,30}):\s*(\S.*)$/.exec(lower)
  if (
    labelled &&
    SHARE_WORDS.has(labelled[1]!) &&
    labelled[2]!.split(/\s*[|·•,]\s*|\s+/).every((w) => SHARE_WORDS.has(w) || /^\d+$/.test(w))
  )
    return true
  // a row made only of share words
  const tokens = lower.split(/\s*[|·•,]\s*|\s+/).filter(Boolean)
  if (tokens.length >= 2 && tokens.every((w) => SHARE_WORDS.has(w) || /^\d+$/.test(w))) return true
  // share bars are short; a long sentence may well say "bewertet" twice
  const signals = text.length <= BANNER_MAX_CHARS ? (text.match(SHARE_SIGNALS)?.length ?? 0) : 0
  if (signals >= 2 && (text.length < 160 || signals >= 4)) return true
  if (
    /^(?:Wie (?:gefällt|gefiel|fanden|bewerten) (?:Ihnen|Sie|dir|du) (?:dieser|diesen|den|der) (?:Artikel|Beitrag|Text|Seite)|(?:War|Ist) (?:dieser|der) (?:Artikel|Beitrag|Text) (?:hilfreich|nützlich|lesenswert)|Fanden Sie (?:diesen|den|die) (?:Artikel|Beitrag|Text|Seite|Informationen) (?:hilfreich|nützlich|gut)|Hier können Sie (?:den|diesen) (?:Artikel|Beitrag) bewerten|(?:Artikel|Beitrag|Seite) bewerten\b)/i.test(
      text,
    ) &&
    text.length < 120
  )
    return true
  if (/^\d(?:[.,]\d)?\s*(?:von|\/)\s*5\s*(?:Sternen?)?\b/i.test(text) && text.length < 60)
    return true
  if (
    /^(?:Newsletter|Jetzt)\s.*\b(?:abonnieren|anmelden|bestellen)\b/i.test(text) &&
    text.length < 160
  )
    return true
  return false
}

const WEB_VOCABULARY =
  /\b(?:Cookies?|Cookie-\p{L}+|Webseite|Website|Homepage|Internetseite|Browser|Apps?|App-\p{L}+|\p{L}+-App|Newsletter|Abos?|abonnieren|Datenschutz\p{L}*|Nutzungsbedingungen|Einwilligung|Altersprüfung|Altersbeschränkung|Kinderbereich|Kinderprofil|Tracking|Werbe\p{L}*|personalisiert\p{L}*|registrieren|Registrierung|Benutzerkonto|Nutzerkonto|Login|einloggen|Push-\p{L}+|Benachrichtigungen|Zwischenablage|Adblocker|Werbeblocker|JavaScript|Abonnement|Paywall|Plus-Artikel|Abonnenten|Startseite|herunterladen|downloaden|Play Store|App Store)\b/giu
/** A cheap test that a line might contain a word of WEB_VOCABULARY at all. */
const WEB_HINT =
  /cookie|\bweb|site\b|browser|\bapps?\b|-app\b|app-|newsletter|\babo|datenschutz|nutzungsbed|einwillig|altersbe|altersp|kinderbe|kinderpr|tracking|\bwerbe|personalis|registr|konto\b|login|einlogg|push-|benachricht|zwischenabl|blocker|javascript|paywall|plus-art|startseite|herunterl|download|store\b/i
const READER_ADDRESS =
  /\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|du|dich|dir|dein|deine|deinen|deinem|deiner|euch|eure|euer)\b/g
const BANNER_PHRASES = [
  // "the page was updated: reload" notices
  /^(?:Die )?(?:Homepage|Startseite) (?:wurde|hat sich) (?:aktualisiert|neu geladen|geändert)\b.{0,40}$/i,
  /^(?:Diesen )?Hinweis (?:nicht mehr anzeigen|ausblenden|schließen)\.?$/i,
  /^Jetzt (?:aufrufen|ansehen|neu laden)\.?$/i,
  /\b(?:Alle )?(?:Cookies )?(?:akzeptieren|ablehnen|zustimmen)\s*$/i,
  /^(?:Einstellungen|Zustimmen|Ablehnen|Akzeptieren|Alle akzeptieren|Nur notwendige|Mehr erfahren|Weiterlesen|Weiter lesen|Jetzt lesen|Jetzt abonnieren|Jetzt testen|Mehr laden|Mehr anzeigen|Alle anzeigen)\.?$/i,
  /^(?:Zum Abo|Abo abschließen|Plus lesen|Exklusiv für Abonnenten)\b/i,
]

/**
 * One signal per thing named: "App", "Fahrplan-App" and "Apps" are one app, "Datenschutz" and
 * "Datenschutzgesetz" one data protection (a news paragraph about an app names it three times).
 */
function webConcept(word: string): string {
  const w = word.toLowerCase()
  const head = /^(app|cookie|push|datenschutz|werbe|personalisiert)/.exec(w)?.[1]
  if (head) return head
  if (/-apps?$/.test(w)) return 'app'
  return w.replace(/s$/, '')
}

/**
 * Cookie, consent, app and paywall banners. News prose rarely speaks to "Sie" about
 * cookies and apps; banners always do. A line needs two such signals (or one banner phrase),
 * so an article *about* cookie law is not thrown away.
 */
export function isConsentOrBanner(text: string): boolean {
  if (BANNER_PHRASES.some((re) => re.test(text))) return true
  if (!WEB_HINT.test(text)) return false
  if (text.length > BANNER_MAX_CHARS) return false
  const web = new Set((text.match(WEB_VOCABULARY) ?? []).map(webConcept)).size
  if (web === 0) return false
  // "Sie" at the start of a sentence is usually "they" in news prose; count only the rest.
  const address = (text.replace(/(^|[.!?:]\s+|[„"«»“]\s*)Sie\b/g, '$1').match(READER_ADDRESS) ?? [])
    .length
  // A long line of prose (an article about data protection) needs more evidence than a banner.
  // Banners are short: a long line is an article about apps and websites.
  if (text.length > 600) return false
  if (text.length > 200) return (web >= 3 && address >= 1) || (web >= 2 && address >= 2)
  // A question to "Sie" with one web word is an interview question, not a banner.
  if (web === 1 && /\?\s*$/.test(text)) return false
  return web >= 2 || (web >= 1 && address >= 1)
}

const RIGHTS =
  /^(?:(?:Dieser|Der) (?:Text|Beitrag|Artikel|Inhalt)(?: wurde veröffentlicht| steht| ist| erscheint)? unter (?:der|einer) (?:Lizenz|Creative[- ]Commons)|Lizenz\s*:\s*CC[- ]|Alle Rechte vorbehalten|All rights reserved|Vervielfältigung nur mit (?:vorheriger )?(?:schriftlicher )?Genehmigung|Nachdruck(?: nur)? mit Genehmigung|Nachdruck verboten|Weiterverbreitung nur mit Genehmigung)\b.*$/i
const FOOTER_WORDS = new Set(
  (
    'impressum|datenschutz|datenschutzerklärung|datenschutzhinweise|agb|kontakt|barrierefreiheit|' +
    'nutzungsbedingungen|jobs|karriere|mediadaten|cookie-einstellungen|cookies|privatsphäre|' +
    'hilfe|sitemap|über uns|presse|werben|anzeigen|abo|abonnement|faq|leserservice|hinweisgeber|' +
    'rss|redaktion|netiquette|transparenz|verträge hier kündigen|privacy|terms|newsletter'
  ).split('|'),
)

/** Copyright footers and link rows: "© X 2025", "Alle Rechte vorbehalten", "Impressum | Datenschutz". */
export function isCopyrightOrFooter(text: string): boolean {
  if (COPYRIGHT.test(text) && text.length <= 140) return true
  if (RIGHTS.test(text)) return true
  const items = text
    .toLowerCase()
    .split(/\s*[|·•,]\s*|\s{2,}/)
    .filter(Boolean)
  return items.length >= 1 && items.every((i) => FOOTER_WORDS.has(i.replace(/[.!]$/, '')))
}

const GALLERY = [
  /^(?:Beitragsbild|Titelbild|Zum Vergrößern (?:auf das Bild |auf das Foto )?(?:klicken|anklicken|tippen)|(?:Bild|Foto) vergrößern|Bilder des Tages|Bild des Tages|Bildergalerie|Bildergalerien|Fotostrecke|Fotogalerie|Galerie|Bilderstrecke|Zur Bildergalerie|Zur Fotostrecke|Alle Bilder(?: anzeigen)?|Weitere Bilder|Mehr Bilder|Fotos|Videos?|Audio|Podcast|Video abspielen|Video starten|Bild vergrößern|Vollbild|Zoom)$/i,
  /^(?:Bild|Foto|Seite)?\s*\d{1,3}\s*(?:von|\/|of)\s*\d{1,3}$/i,
  /^\d{1,3}\s*(?:Bilder|Fotos)$/i,
]

/** Image-gallery furniture: "Bilder des Tages", "Bild 3 von 12", "1/12". */
export function isGalleryFurniture(text: string): boolean {
  return GALLERY.some((re) => re.test(text))
}

const CREDIT_LABEL =
  /^\(?(?:Fotos?|Bild(?:er)?|Bildquelle|Quelle|Grafik|Illustration|Credits?|Copyright|Aufnahme|Video|Archivbild|Archivfoto|Symbolbild|Symbolfoto|Titelbild|Titelfoto|Beitragsbild|Headerbild|Vorschaubild|Bildnachweis|Fotonachweis|Bildrechte|Abbildung(?:\s*\d+)?|Abb\.\s*\d+)\s*:\s*(?:[^.!?]|\.(?=\S)){2,100}\.?\)?$/i
/** Figures numbered in the text ("Abbildung 3: …") carry longer captions. */
const FIGURE_LABEL = /^(?:Abbildung|Abb\.|Grafik|Tabelle|Karte)\s*\d*\s*:\s*\S.{0,220}$/
const TRAILING_CREDIT =
  /(?:^|[\s.!?»“"])\(?(?:(?:Fotos?|FOTO|Bild|BILD|Bildquelle|Bildrechte|Bildnachweis|Fotonachweis|Quelle|Grafik|Archivbild|Symbolbild|Symbolfoto|Credits?)\s*:|©)\s*[^.!?:]{2,90}\)?$/

/** A credit by itself: "Foto: Max Muster/dpa", "Maria Beispiel/ Agentur/ AP", "Getty Images". */
export function isPhotoCredit(text: string): boolean {
  if (FIGURE_LABEL.test(text) && text.length <= 240) return true
  if (text.length > 140) return false
  if (CREDIT_LABEL.test(text)) return true
  if (/^©\s*\S/.test(text) && text.includes('/')) return true
  const t = text.replace(/^©\s*/, '').trim()
  if (PHOTO_SET.has(t.toLowerCase()) && !AGENCY_SET.has(t.toLowerCase())) return true
  const parts = t.split(/\s*\/\s*|\s*,\s+|\s+\|\s+/).filter(Boolean)
  if (parts.length < 2 || endsLikeSentence(t)) return false
  let known = 0
  for (const p of parts) {
    const words = p.split(/\s+/)
    if (words.length > 5) return false
    if (PHOTO_SET.has(p.toLowerCase())) {
      known++
      continue
    }
    // person or organisation names: capitalised words (allowing particles like "van", "de")
    if (
      !words.every((w) => /^(?:\p{Lu}[\p{L}.'-]*|van|von|de|der|da|dos|la|le|of|the|and)$/u.test(w))
    )
      return false
  }
  // a person plus an agency, or a chain of names ending in an agency
  return known > 0 || parts.some((p) => PHOTO_SET.has(p.split(/\s+/).pop()!.toLowerCase()))
}

/** A caption that carries its credit at the end: "Kim in Rostock. Foto: Anna Berg/dpa". */
export function endsWithCredit(text: string): boolean {
  if (text.length < 12) return false
  const m = TRAILING_CREDIT.exec(text)
  if (!m) return false
  const credit = text.slice(m.index).replace(/^[\s.!?»“"(]+/, '')
  // "Quelle: …" inside a sentence is prose; a credit is short and has no verb-like lower-case run
  return (
    countWords(credit) <= 12 && !/\b[a-zäöüß]{4,}\s+[a-zäöüß]{4,}\s+[a-zäöüß]{4,}\b/.test(credit)
  )
}

const RELATED_MARKERS =
  /^(?:Mehr zum Thema|Mehr zu diesem Thema|Lesen Sie auch|Lesen Sie mehr|Lesen Sie hier|Auch interessant|Ebenfalls interessant|Das könnte Sie auch interessieren|Das könnte dich auch interessieren|Weitere Artikel|Weitere Nachrichten|Weitere Meldungen|Verwandte Artikel|Verwandte Themen|Zum Thema|Mehr dazu|Empfehlungen|Unsere Empfehlungen|Top-Artikel|Meistgelesen|Meistgelesene Artikel|Meist gelesen|Neueste Artikel|Neueste Nachrichten|Aktuelle Nachrichten|Top-Themen|Top Themen|Themen des Tages|Mehr aus dem Ressort|Mehr aus \p{Lu}[\p{L} -]+|Weitere Themen|Hintergrund|Links? zum Thema|Weitere Beiträge|Weitere Berichte|Weitere Texte|Ähnliche (?:Artikel|Beiträge|Themen|Nachrichten)|Empfohlene (?:Artikel|Beiträge)|Aktuelle (?:Berichte|Beiträge|Artikel)|Neueste Beiträge|Beliebte (?:Artikel|Beiträge)|Passend zum Thema|Dazu passend|Das (?:könnte|dürfte) (?:Sie|dich|euch) (?:auch )?interessieren|Related (?:posts|articles)|You may also like|Read more|More from)\b\s*:?\s*(.*)$/iu

/** A label that starts a list of related-article links, with any headline on the same line. */
export function readRelatedMarker(text: string): { rest: string } | null {
  if (text.length > 160) return null
  const m = RELATED_MARKERS.exec(text)
  if (!m) return null
  const rest = m[1]!.trim()
  // "Hintergrund" and "Zum Thema" can also open a real sentence; require no sentence after them.
  if (rest && endsLikeSentence(rest) && countWords(rest) > 12) return null
  return { rest }
}

const COMMENT_FURNITURE = [
  // a network's counters and its comment box: "42 Reaktionen · 7 Kommentare", "Kommentar hinzufügen…"
  /^\d[\d.]*\s+(?:Reaktionen|Likes?|Gefällt-mir-Angaben)(?:\s*·\s*\d[\d.]*\s+(?:Kommentare?|Reposts?))*$/i,
  /^(?:Kommentar|Antwort) (?:hinzufügen|schreiben|verfassen)\s*(?:…|\.\.\.)?$/i,
  /^(?:Relevanteste|Neueste|Beliebteste)(?: zuerst)?$/i,
  /^Gefällt mir(?:\s*·\s*(?:Antworten|Kommentieren|Teilen))+$/i,
  /^(?:insgesamt\s+)?\d+\s+(?:Beiträge?|Kommentare?|Leserkommentare?|Antworten|Reaktionen)$/i,
  /^(?:Alle\s+)?(?:Leser)?(?:Kommentare?|Beiträge)(?:\s+(?:öffnen|anzeigen|lesen|einblenden|ausblenden|laden|schließen))?$/i,
  /^(?:Kommentare?|Leserkommentare)\s*\(\d+\)$/i,
  /^Diskussion(?:\s*\(\d+\))?:?$/i,
  /^(?:Diskutieren Sie mit|Ihre Meinung(?: ist gefragt)?|Kommentar schreiben|Jetzt kommentieren|Kommentar verfassen|Neuer Kommentar|Kommentarfunktion|Die Kommentarfunktion ist)\b.{0,80}$/i,
  /^(?:Seite\s+\d{1,3}(?:\s+von\s+\d{1,3})?|\d{1,3}\s+Antworten?|Antworten|Melden|Gefällt mir|Empfehlen|Zitieren|Mehr Kommentare(?: laden)?|Weitere Kommentare(?: laden)?|Neueste zuerst|Älteste zuerst|Beliebteste zuerst|Sortieren(?: nach)?\b.*)$/i,
]

/** Comment-section furniture: "insgesamt 14 Beiträge", "Alle Kommentare öffnen", "Seite 1". */
export function isCommentFurniture(text: string): boolean {
  return COMMENT_FURNITURE.some((re) => re.test(text))
}

/** True for a line that a local rule (no context needed) identifies as boilerplate. */
export function localRule(text: string): RuleName | null {
  // Long lines are prose or banners; the rules for short furniture are not asked.
  if (text.length > 260) {
    if (isConsentOrBanner(text)) return 'consent_banner'
    if (endsWithCredit(text)) return 'caption'
    return null
  }
  // "Text und Foto: Hubert Sieben" names the author (a byline, read with the metadata)
  if (/^Text\s*(?:und|&|\/)\s*Fotos?\s*:/i.test(text) && readAuthorLine(text)) return null
  if (isCommentFurniture(text)) return 'comment_furniture'
  if (isNavigation(text)) return 'navigation'
  if (isPageFurniture(text) || isPressLabel(text)) return 'page_furniture'
  if (isGalleryFurniture(text)) return 'gallery'
  if (isShareOrRating(text)) return 'share_rating'
  if (isCopyrightOrFooter(text)) return 'copyright'
  if (isPhotoCredit(text)) return 'photo_credit'
  if (isPaywallTeaser(text)) return 'paywall'
  if (isAudioTeaser(text)) return 'audio_teaser'
  if (readRepublicationNote(text) !== null) return 'republication_note'
  if (isConsentOrBanner(text)) return 'consent_banner'
  if (endsWithCredit(text)) return 'caption'
  return null
}

export { AGENCY_ALT, isHeadingLike }
