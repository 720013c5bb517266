/**
 * The parsing libraries some imports need take long to load (linkedom alone up to a second
 * on a busy machine). They are loaded on first need only, per kind of input: a folder of
 * plain text never loads the HTML DOM, and `lesesaal list` or the app start load none.
 *
 * - always (small): chardet, for legacy encodings;
 * - HTML: linkedom and Readability, for the fallback when Lesesaal's own selection finds too
 *   little (the selection itself needs no library but the tokenizer);
 * - Markdown, and plain text (which may turn out to be Markdown): marked and yaml.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type { analyse as analyseFn } from 'chardet'
import type { parseHTML as parseHTMLFn } from 'linkedom'
import type { Lexer as LexerClass } from 'marked'
import type { parse as parseYamlFn } from 'yaml'
import type { SourceKind } from '../../../shared/types'

export interface Parsers {
  parseHTML: typeof parseHTMLFn
  Readability: typeof ReadabilityClass
  Lexer: typeof LexerClass
  parseYaml: typeof parseYamlFn
  analyse: typeof analyseFn
}

const loaded: Partial<Parsers> = {}
const loading = new Map<string, Promise<void>>()

function group(name: string, load: () => Promise<void>): Promise<void> {
  let p = loading.get(name)
  if (!p) {
    p = load()
    loading.set(name, p)
  }
  return p
}

const base = () =>
  group('base', async () => {
    loaded.analyse = (await import('chardet')).analyse
  })
const html = () =>
  group('html', async () => {
    const [linkedom, readability] = await Promise.all([
      import('linkedom'),
      import('@mozilla/readability'),
    ])
    loaded.parseHTML = linkedom.parseHTML
    loaded.Readability = readability.Readability
  })
const markdown = () =>
  group('md', async () => {
    const [marked, yaml] = await Promise.all([import('marked'), import('yaml')])
    loaded.Lexer = marked.Lexer
    loaded.parseYaml = yaml.parse
  })

/** Loads the libraries one kind of input needs (all of them without an argument). */
export async function loadParsers(kind?: SourceKind): Promise<Parsers> {
  await base()
  if (!kind || kind === 'html') await html()
  // a text file or a paste may be Markdown saved by a read-later app (see looksLikeMarkdown)
  if (kind !== 'html') await markdown()
  return loaded as Parsers
}

/**
 * The loaded parsing libraries. Reading one that `loadParsers` has not loaded throws; the
 * HTML fallback checks `hasHtmlFallback()` instead.
 */
export function parsers(): Parsers {
  if (!loaded.analyse)
    throw new Error('The import parsers are not loaded yet (call loadParsers first).')
  return loaded as Parsers
}

/** True when Readability and linkedom are loaded. */
export function hasHtmlFallback(): boolean {
  return loaded.Readability !== undefined && loaded.parseHTML !== undefined
}

/** Whether bytes look like an HTML document (a saved page with a .txt name, pasted markup). */
export function looksLikeHtml(start: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(start)
}
