/**
 * Subtitles pasted or saved as text (SRT, WebVTT): a learner's transcript of a news item. The
 * cue numbers, times, sound notes ("[Traktor fährt vorbei]") and speaker labels ("HOFMANN:")
 * go; the cues' lines are joined into sentences, and a new paragraph starts where the speaker
 * changes or a sound note stands between two cues.
 */

/** "00:00:03,800 --> 00:00:07,400" (SRT) or "00:03.800 --> 00:07.400 align:start" (WebVTT). */
const CUE_TIME = /^(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\b/
/** A speaker's label in capitals at the start of a cue: "SPRECHERIN:", "DR. HOFMANN:". */
const SPEAKER = /^\p{Lu}[\p{Lu}\p{Lu}. '-]{1,40}:\s+/u
/** A sound or music note: "[Traktor fährt vorbei]", "(Applaus)", "♪ Musik ♪". */
const SOUND = /^(?:\[[^\]]{1,80}\]|\([^)]{1,80}\)|♪.*)$/
/** Markup inside a cue: <i>, </b>, <c.yellow>, <00:00:01.000>. */
const CUE_TAG = /<\/?[^>\n]{0,40}>/g

/** The text of subtitles as paragraphs, or null when the text has fewer than three cues. */
export function subtitleText(text: string): string | null {
  if (!text.includes('-->')) return null
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const isTime = (l: string | undefined) => l !== undefined && CUE_TIME.test(l.trim())
  if (lines.filter(isTime).length < 3) return null
  const first = lines.findIndex(isTime)
  // what stands above the first cue (a title, the source) stays as it is, without the
  // WebVTT header and the first cue's number
  const head = /^\d+$/.test(lines[first - 1]?.trim() ?? '') ? first - 1 : first
  const before = lines.slice(0, head).filter((l) => !/^WEBVTT\b/.test(l.trim()))
  const paragraphs: string[] = []
  let current: string[] = []
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim())
    current = []
  }
  for (let i = first; i < lines.length; i++) {
    const t = lines[i]!.replace(CUE_TAG, '').trim()
    if (!t || isTime(t) || (/^\d+$/.test(t) && isTime(lines[i + 1]))) continue
    if (/^(?:NOTE|STYLE|REGION)\b/.test(t)) continue
    if (SOUND.test(t)) {
      flush()
      continue
    }
    const speaker = SPEAKER.exec(t)
    if (speaker) {
      flush()
      current.push(t.slice(speaker[0].length))
    } else current.push(t)
  }
  flush()
  return [...before, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n')
}
