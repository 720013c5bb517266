/**
 * German function words, for the share of stopwords in a block of text (jusText's main
 * signal: running prose is full of them, menus and link lists have few). Written for
 * Lesesaal; lower case, umlauts as written.
 */
const WORDS = `
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes
auch auf aus bei beide beiden beim bereits bin bis bisher bist bzw da dabei dadurch dafür
dagegen daher damit dann daran darauf daraus darin darum darunter das dass dasselbe davon
davor dazu dem demnach den denen denn dennoch der deren derer des deshalb dessen desto die
dies diese diesem diesen dieser dieses doch dort du durch eben ebenfalls ein eine einem
einen einer eines einige einigen einiger einiges einmal er es etwa etwas euch euer eure
für gab gar gegen gegenüber gewesen gibt ging habe haben hat hatte hatten hätte hätten
hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins
ist ja je jede jedem jeden jeder jedes jedoch jemand jene jenem jenen jener jenes jetzt
kann kaum kein keine keinem keinen keiner man manche manchen mancher mehr mein meine
meinem meinen meiner mich mir mit muss musste müssen nach nachdem neben nein nicht nichts
noch nun nur ob oder ohne schon sehr sei seien sein seine seinem seinen seiner seit
seitdem selbst sich sie sind so sogar solche solchen soll sollen sollte sollten sondern
sowie sowohl statt über um und uns unser unsere unter viel viele vielen vom von vor
wann war waren warum was weder weil weiter welche welchem welchen welcher wenn wer werde
werden wie wieder will wir wird wo wobei wurde wurden während würde würden zu zum zur zwar
zwischen
`

const STOPWORDS = new Set(WORDS.split(/\s+/).filter(Boolean))

const WORD = /[\p{L}]+/gu

/** Word count and stopword count of a text. */
export function stopwordStats(text: string): { words: number; stopwords: number } {
  let words = 0
  let stopwords = 0
  const lower = text.toLowerCase()
  WORD.lastIndex = 0
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    words++
    if (STOPWORDS.has(m[0])) stopwords++
  }
  return { words, stopwords }
}

/** True for a German function word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase())
}
