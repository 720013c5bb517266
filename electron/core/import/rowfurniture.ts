/**
 * Lines of page furniture that stand on a row of their own, learnt from the blind rounds of
 * page styles (docs/DECISIONS.md): counters and labels of players, polls, wire services,
 * newsletters and chats. Part of the named rules (rules.ts); each only classifies a line.
 */
export const ROW_FURNITURE: RegExp[] = [
  // a relative time over a text copied from a reader app ("vor 3 Stunden · 4 Min. Lesezeit")
  /^vor\s+(?:\d{1,2}|einer|einem|zwei|drei)\s+(?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?)(?:\s*[·|•,–-]\s*.{0,40})?$/i,
  // a placeholder for what a script loads ("Karte wird geladen …")
  /^(?:Die |Der |Das )?(?:Karte|Grafik|Inhalt|Video|Tabelle|Daten|Umfrage|Ergebnisse|Player)\s+(?:wird|werden) geladen\b.{0,20}$/i,
  // an issue's number over a newsletter ("Ausgabe 2/2025 – März/April")
  /^(?:Ausgabe|Heft|ausgabe)\s+\d{1,3}\s*\/\s*\d{4}(?:\s*[–—-]\s*[\p{L}/ ]{2,30})?$/u,
  // an earlier edition of a series, linked after the text ("Presseschau vom 13.03.2025: …")
  /^\p{Lu}[\p{L}-]+ vom \d{1,2}\.\s?\d{1,2}\.\s?\d{4}:\s+[^.]{3,110}$/u,
  // a conjunction alone between two buttons ("Zustimmen" / "oder" / "Ohne Werbung lesen")
  /^(?:oder|or|bzw\.)$/i,
  // a wire service's end codes and licence ("dpa kru yyzz a3 jth", "141147 Mär 25")
  /^(?:dpa|afp|ap|rtr|epd|kna|apa|sda)\s+[a-z]{2,4}(?:\s+[a-z0-9]{2,5}){1,4}$/,
  /^\d{6}\s+(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\s+\d{2}$/,
  /^Nutzung nur\b.{0,80}\bLizenz\p{L}*\.?$/u,
  // a note that the text is being updated ("Dieser Artikel wird laufend aktualisiert.")
  /^(?:Dieser|Der) (?:Artikel|Beitrag|Text|Bericht) wird (?:laufend|fortlaufend|ständig|regelmäßig) aktualisiert\.?$/i,
  // a chat's or ticker's closing notice ("Chat beendet. Dieser Chat ist geschlossen. …")
  /^(?:●\s*)?(?:Der |Dieser )?(?:Chat|Live-?Chat|Experten-?Chat|Liveblog|Newsblog|Live-?Ticker|Ticker)(?: ist)? (?:beendet|geschlossen)\b.{0,160}$/i,
  // a call to report a mistake ("Fehler gefunden? Jetzt melden.")
  /^(?:Fehler|Tippfehler) (?:gefunden|entdeckt)\?.{0,60}$/i,
  // an imprint's line and a bank account under a newsletter ("Impressum: Herausgegeben von …")
  /^Impressum\s*:.{0,300}$/,
  /^(?:Spendenkonto|Bankverbindung)\s*:.{0,160}$/i,
  // a line without a letter or digit: a rule drawn across the page ("-----", "* * *"), a
  // separator left alone ("·")
  /^[^\p{L}\p{N}]+$/u,
  // an advert's label in two languages ("Werbung · Pubblicità")
  /^(?:Anzeige|Werbung)\s*[·|/–-]\s*(?:Pubblicità|Publicité|Publicidad|Advertisement|Annonce|Reklame|Oglas)$/i,
  // a poll's question, its answers and its count ("Umfrage: Was halten Sie …?", "1.284 Stimmen")
  /^(?:Umfrage|Leserumfrage|Abstimmung|Ihre Meinung)\s*:\s*.{5,200}\?$/i,
  /^(?:Ja|Nein)(?:\s+(?:Ja|Nein|Weiß nicht|Vielleicht|Egal|Keine Meinung|Enthaltung))+$/,
  /^\d{1,3}(?:\.\d{3})*\s+(?:Stimmen|Teilnehmer(?:innen)?|abgegebene Stimmen)\b.{0,80}$/,
]
