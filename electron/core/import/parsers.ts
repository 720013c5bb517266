/**
 * The parsing libraries the importer needs (HTML DOM, Readability, sanitiser, Markdown,
 * YAML, charset detection) take ~0.4 s to load. They are loaded on the first import only, so
 * that the app, browser mode and `lesesaal list/show` start without them.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type { analyse as analyseFn } from 'chardet'
import type { parseHTML as parseHTMLFn } from 'linkedom'
import type { Lexer as LexerClass } from 'marked'
import type sanitizeHtmlFn from 'sanitize-html'
import type { parse as parseYamlFn } from 'yaml'

export interface Parsers {
  parseHTML: typeof parseHTMLFn
  Readability: typeof ReadabilityClass
  sanitizeHtml: typeof sanitizeHtmlFn
  Lexer: typeof LexerClass
  parseYaml: typeof parseYamlFn
  analyse: typeof analyseFn
}

let loaded: Parsers | null = null
let loading: Promise<Parsers> | null = null

/** Loads the parsing libraries (once). Call before `extractFile` / `extractText`. */
export function loadParsers(): Promise<Parsers> {
  loading ??= Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
    import('sanitize-html'),
    import('marked'),
    import('yaml'),
    import('chardet'),
  ]).then(([linkedom, readability, sanitize, marked, yaml, chardet]) => {
    loaded = {
      parseHTML: linkedom.parseHTML,
      Readability: readability.Readability,
      sanitizeHtml: sanitize.default,
      Lexer: marked.Lexer,
      parseYaml: yaml.parse,
      analyse: chardet.analyse,
    }
    return loaded
  })
  return loading
}

/** The loaded parsing libraries; `loadParsers()` must have finished. */
export function parsers(): Parsers {
  if (!loaded) throw new Error('The import parsers are not loaded yet (call loadParsers first).')
  return loaded
}
