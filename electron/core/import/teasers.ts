/**
 * Named rules for furniture that news pages put around and into the text: paywall and
 * subscription teasers, audio players, republication notes, press-release labels and
 * contact blocks. Each only classifies a line; nothing is interpreted.
 */

const PAYWALL = [
  // a platform's badge over a post for members
  /^(?:Nur für (?:Mitglieder|Abonnent(?:inn)?en|Abonnierende)|Member-only(?: story)?|Mitglieder-?(?:beitrag|artikel|geschichte)|Exklusiv für (?:Mitglieder|Abonnent(?:inn)?en))$/i,
  /^(?:Lesen Sie (?:jetzt )?(?:weiter|den (?:ganzen|vollständigen|kompletten) (?:Artikel|Beitrag)) mit|(?:Jetzt )?[Ww]eiterlesen mit|Mit \S+ (?:weiterlesen|lesen)|Weiter mit \S+\+|Jetzt (?:weiterlesen|freischalten|Zugang sichern))\b/,
  /^(?:Dieser|Der) (?:Artikel|Beitrag|Inhalt|Text) (?:ist )?(?:nur |exklusiv )?(?:für|nur für) (?:Abonnent|Abonnentinnen|Abonnenten|Plus-|Premium-|Digital-|zahlende)/i,
  /^(?:Sie sind|Du bist) bereits (?:Abonnent|Abonnentin|Kunde|Kundin|registriert|Digital-?Abonnent)/i,
  /^Bereits (?:Abonnent|Abonnentin|Kunde|registriert)\b/i,
  /^(?:Jetzt |Die ersten |Erste )?\d+ (?:Wochen?|Monate?|Tage) (?:für|gratis|kostenlos|lang|testen|zum Preis)\b/i,
  /\b\d+[.,]\d{2}\s*(?:€|Euro)\s*(?:monatlich|im Monat|pro Monat|\/\s*Monat|pro Woche)\b/i,
  /\bjederzeit kündbar\b/i,
  /^Alle (?:Artikel|Inhalte|Beiträge|Texte)\b.{0,60}\b(?:App|lesen|freigeschaltet|frei)\b/i,
  /^(?:Abo|Digital-?Abo|Abonnement) (?:abschließen|wählen|testen|sichern)\b/i,
  /^(?:Plus|Premium|Exklusiv)(?:-Artikel| Artikel)?$/i,
]

/** A subscription or paywall teaser: "Lesen Sie weiter mit Nordblick+", "4 Wochen für 0,99 €". */
export function isPaywallTeaser(text: string): boolean {
  if (text.length > 200) return false
  // a brand with a plus: "Nordblick+", "SZ Plus"
  if (/^\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?\s?(?:\+|Plus)$/u.test(text) && text.length <= 30)
    return true
  return PAYWALL.some((re) => re.test(text))
}

const AUDIO =
  /^(?:Audio (?:starten|abspielen|anhören|hören|laden)|(?:Artikel|Beitrag|Text|Meldung) (?:anhören|vorlesen lassen|hören)|Anhören|Vorlesen|Audio|Hören|Jetzt (?:anhören|hören)|Hören Sie (?:diesen|den) (?:Artikel|Beitrag|Text)|(?:Diesen|Den) (?:Artikel|Beitrag|Text) (?:anhören|vorlesen lassen)|Audio-?Version(?: des Artikels)?|Vorlesefunktion|Podcast abonnieren|(?:Audio|Podcast|Hörfassung):\s.{1,70})\s*(?:\(?\d{1,2}:\d{2}(?::\d{2})?\s*(?:Min\.?|min)?\)?)?$/i

/** An audio player's furniture: "Audio starten", "Artikel anhören", "Audio: 3 Minuten". */
export function isAudioTeaser(text: string): boolean {
  return text.length <= 100 && AUDIO.test(text)
}

const REPUBLISHED =
  /\b(?:erschien|erscheint) (?:zuerst|erstmals|ursprünglich|auch)\b|\berschien (?:in|im) (?:Heft|Ausgabe|der Ausgabe|der Printausgabe)\b|\b(?:zuerst|erstmals|ursprünglich)\b.{0,80}\b(?:erschienen|veröffentlicht)\b|\bin (?:gekürzter|ähnlicher|anderer) Form (?:erschienen|veröffentlicht)\b/i

/**
 * A note where the text appeared first: "Dieser Artikel erschien zuerst in der Printausgabe des
 * Heidekurier." Returns the outlet it names, or "" when it names none; null for other lines.
 */
export function readRepublicationNote(text: string): string | null {
  if (text.length > 260 || !REPUBLISHED.test(text)) return null
  // it speaks of this text: "Dieser Artikel …", "Der Gastbeitrag …", "(Zuerst erschienen …)"
  const aboutThisText =
    /^(?:Dieser|Der|Diese|Das|Unser|Eine|Ein)\s+(?:\p{L}+\s+)?(?:Artikel|Beitrag|Text|Kommentar|Bericht|Essay|Interview|Gastbeitrag|Reportage|Analyse|Kolumne|Rezension|Meldung|Porträt)\b/u.test(
      text,
    ) || /^\(/.test(text)
  if (!aboutThisText) return null
  const m =
    /\b(?:in|bei|auf) (?:der |dem |den )?(?:(?:Print|Online|Wochenend|Sonntags)?[Aa]usgabe (?:des |der |von )?|Magazin (?:des |der )?|Zeitung )?(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,3})/u.exec(
      text,
    )
  return m ? m[1]!.trim() : ''
}

/** "Pressemitteilung Nr. 17/2024", "Presseinformation": a label above a press release. */
export function isPressLabel(text: string): boolean {
  return /^(?:Pressemitteilung|Pressemeldung|Presseinformation|Medieninformation|Medienmitteilung|Pressenotiz|Mitteilung)(?:\s+(?:Nr\.?\s*)?\d+(?:\s*\/\s*\d+)?)?$/i.test(
    text,
  )
}

/** A label that starts a contact block: "Pressekontakt:", "Ansprechpartnerin", "Kontakt:". */
export function isContactLabel(text: string): boolean {
  return /^(?:(?:Wissenschaftliche[rn]?|Fachliche[rn]?|Ihre?|Unser[e]?)\s+)?(?:Presse-?[Kk]ontakt|Pressekontakte|Kontakt|Ansprechpartner(?:in|innen)?|Ansprechperson|Medienkontakt|(?:Für |Bei )?Rückfragen(?: (?:bitte )?an| richten Sie bitte an| wenden Sie sich (?:bitte )?an)?)\s*:?$/.test(
    text,
  )
}

/** A line of an address or contact block: a phone number, an e-mail address, a street, a postcode. */
export function isContactLine(text: string): boolean {
  if (text.length > 120) return false
  return (
    /\b(?:Tel(?:efon)?\.?|Fax|Mobil|Handy)\s*:?\s*[+\d(]/i.test(text) ||
    /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(text) ||
    /\b(?:E-?Mail|Mail)\s*:\s*\S+@\S+/i.test(text) ||
    /^\p{Lu}[\p{L}.-]*(?:stra(?:ß|ss)e|str\.|weg|platz|gasse|allee|ring|markt|damm)\s+\d+\w?\b/iu.test(
      text,
    ) ||
    /\b(?:Marktplatz|Rathausplatz|Am \p{Lu}\p{L}+)\s+\d+\w?\b/u.test(text) ||
    /^(?:D-)?\d{5}\s+\p{Lu}\p{L}+/u.test(text) ||
    /,\s*(?:D-)?\d{5}\s+\p{Lu}\p{L}+/u.test(text) ||
    /^(?:Stadt|Gemeinde|Landkreis|Pressestelle|Presse- und Öffentlichkeitsarbeit)\b.{0,60}$/.test(
      text,
    )
  )
}
