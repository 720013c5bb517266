/**
 * An encyclopedia article copied from a wiki (MediaWiki's page as text): its section links
 * ("Verlauf[Bearbeiten | Quelltext bearbeiten]"), footnote marks ("[1]"), the table of
 * contents, the references and everything after them, and the wiki's own lines go; the wiki's
 * name ("Aus Nordwiki, dem freien …") is the outlet.
 */

/** The edit links after a section's title. */
const EDIT_LINKS =
  /\s*\[(?:Bearbeiten(?: \| Quelltext bearbeiten)?|Quelltext bearbeiten|edit(?: \| edit source)?)\]\s*$/i
/** Footnote marks: "[1]", "[Anm. 2]", "[A 3]". */
const FOOTNOTE = /\[(?:\d{1,3}|Anm\.\s*\d{1,3}|[A-Z]\s?\d{1,3})\]/g
/** Sections at the end that are the article's apparatus, not its text. */
const END_SECTIONS =
  /^(?:Einzelnachweise|Anmerkungen|Weblinks|Literatur|Siehe auch|Quellen|Belege|Fußnoten|References|External links|See also)$/i
const WIKI_LINES = [
  /^Zur Navigation springen\b/i,
  /^(?:Koordinaten|Coordinates)\s*:/i,
  /^Kategorien?\s*:/i,
  /^Diese Seite wurde zuletzt am\b/i,
  /^Der Text ist unter der Lizenz\b/i,
  /^(?:Datenschutz|Impressum)\b.*\b(?:Mobile Ansicht|Impressum|Haftungsausschluss)$/i,
]
/** "Aus Nordwiki, dem freien Regionallexikon": the wiki's name. */
const FROM_WIKI = /^Aus (\p{Lu}[\p{L}\s-]{1,40}), (?:der|dem|einem) (?:freien|offenen)\b.*$/u

/** The text of a copied wiki page, or null when the text is none. */
export function wikiText(text: string): { text: string; outlet: string | null } | null {
  // most texts are no wiki page: one look for the edit links before reading lines
  if (!/\[(?:Bearbeiten|Quelltext bearbeiten|edit)\b/i.test(text)) return null
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const edits = lines.filter((l) => EDIT_LINKS.test(l)).length
  const signs = lines.filter(
    (l) => FROM_WIKI.test(l.trim()) || /^Zur Navigation springen/.test(l.trim()),
  ).length
  if (edits < 2 && !(edits >= 1 && signs >= 1)) return null
  let outlet: string | null = null
  const out: string[] = []
  let inContents = false
  for (const raw of lines) {
    const line = raw.trim()
    const from = FROM_WIKI.exec(line)
    if (from) {
      outlet ??= from[1]!.trim()
      continue
    }
    if (WIKI_LINES.some((re) => re.test(line))) continue
    if (/^(?:Inhaltsverzeichnis|Inhalt|Contents)$/i.test(line)) {
      inContents = true
      continue
    }
    if (inContents) {
      if (/^\d+(?:\.\d+)*\s+\S/.test(line)) continue
      inContents = false
    }
    const title = line.replace(EDIT_LINKS, '')
    if (title !== line && END_SECTIONS.test(title)) break
    out.push(title.replace(FOOTNOTE, ''))
  }
  return { text: out.join('\n'), outlet }
}
