/**
 * What the sentence segmenter knows about German news text: abbreviations, months, and the
 * words a new sentence typically starts with. Abbreviations are listed as written, with a
 * space between their pieces ("z. B."); the segmenter also accepts them without ("z.B.").
 */

/** Abbreviations that never end a sentence: a title, a unit before a number, "z. B." … */
export const ALWAYS_INSIDE = new Set([
  'z. B.',
  'd. h.',
  'u. U.',
  'v. a.',
  'z. T.',
  'o. ä.',
  'u. ä.',
  'i. d. R.',
  'o. g.',
  's. o.',
  's. u.',
  'i. A.',
  'i. V.',
  'a. D.',
  'Dr.',
  'Prof.',
  'Dipl.',
  'Ing.',
  'bzw.',
  'ca.',
  'Nr.',
  'Nrn.',
  'vgl.',
  'Vgl.',
  'sog.',
  'St.',
  'Str.',
  'Abs.',
  'Art.',
  'Bd.',
  'Kap.',
  'S.',
  'Tel.',
  'ggf.',
  'Ggf.',
  'evtl.',
  'Evtl.',
  'inkl.',
  'exkl.',
  'zzgl.',
  'bspw.',
  'Bsp.',
  'geb.',
  'gest.',
  'Hr.',
  'Hrn.',
  'Fr.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Gen.',
  'Abg.',
  'Hrsg.',
  'Min.',
  'Std.',
  'Mill.',
  'Jan.',
  'Feb.',
  'Febr.',
  'Apr.',
  'Aug.',
  'Sept.',
  'Sep.',
  'Okt.',
  'Nov.',
  'Dez.',
  'Mo.',
  'Di.',
  'Mi.',
  'Do.',
  'Sa.',
  'ehem.',
  'max.',
  'min.',
  'rd.',
  'urspr.',
  'z. Zt.',
  'Verf.',
  'Anm.',
  'Pkt.',
  'Ziff.',
  'lt.',
  'gem.',
  'bzgl.',
  'Bzgl.',
  'allg.',
  'jew.',
  'insb.',
  'insbes.',
  'Frhr.',
  'Dres.',
])

/**
 * Abbreviations that may also end a sentence ("…, Raketen usw. Die Stadt …"): they end one
 * only when the next word is one a sentence typically starts with.
 */
export const MAY_END = new Set([
  'usw.',
  'etc.',
  'u. a.',
  'e. V.',
  'v. Chr.',
  'n. Chr.',
  'Mio.',
  'Mrd.',
  'Tsd.',
  'Jh.',
  'Jhd.',
  'Co.',
  'Inc.',
  'Ltd.',
  'Corp.',
  'u. v. m.',
  'Chr.',
])

/** Month names, lower case: "am 28. Februar" is a date, not the end of a sentence. */
export const MONTHS = new Set([
  'januar',
  'jänner',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'jan',
  'feb',
  'febr',
  'apr',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
])

/** Words before a number that make it an ordinal: "am 3.", "dem 19.", "zum 75.". */
export const ORDINAL_BEFORE = new Set([
  'am',
  'im',
  'vom',
  'zum',
  'beim',
  'dem',
  'den',
  'der',
  'die',
  'das',
  'des',
  'ein',
  'eine',
  'einem',
  'einen',
  'seinem',
  'ihrem',
  'zur',
  'ab',
  'bis',
  'seit',
  'jeden',
  'jedem',
])

/** Words a German sentence typically starts with (articles, pronouns, adverbs), lower case. */
const STARTERS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen kein keine er sie es wir ich ihr du man ' +
    'dies diese dieser dieses diesem diesen jene jener jenes alle allen alles viele einige manche ' +
    'am im in an auf aus bei beim mit nach von vom vor über unter um durch für gegen ohne bis seit ' +
    'während wegen trotz zum zur zu als wenn weil da dass ob doch aber und oder denn auch noch ' +
    'schon nur so nun jetzt heute gestern morgen dann danach davor daher deshalb deswegen dabei ' +
    'dafür dagegen damit darauf darüber dort hier zudem außerdem seitdem später damals bisher ' +
    'inzwischen zunächst zuletzt schließlich allerdings trotzdem laut zuvor erst sonst immerhin ' +
    'bereits wie was wer wo wann warum welche welcher welches mehr weitere ihre ihr sein seine ' +
    'unser unsere mein meine was nicht niemand jeder jede jedes etwa rund fast knapp gut'
  ).split(/\s+/),
)

/** True when `word` (as written) is one a new sentence typically starts with. */
export function isSentenceStarter(word: string): boolean {
  if (!word) return false
  if (/^\p{N}/u.test(word)) return false
  if (!/^\p{Lu}/u.test(word)) return false
  return STARTERS.has(word.toLowerCase())
}
