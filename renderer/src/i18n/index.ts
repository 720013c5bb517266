/**
 * UI strings in German and English (i18next). The language follows the system on first
 * start and can be switched; the choice is remembered.
 */
import i18next, { type i18n } from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { de } from './de'
import { en } from './en'
import type { Widen } from './types'

/** The shape every language's table must have: the German one's. */
export type Strings = Widen<typeof de>

export const languages = ['de', 'en'] as const
export type Language = (typeof languages)[number]
export const LANGUAGE_KEY = 'lesesaal.language'

/** Creates an initialised i18next instance (a fresh one per call, for tests). */
export function createI18n(lng?: Language): i18n {
  const instance = i18next.createInstance()
  instance.use(initReactI18next)
  if (!lng) instance.use(LanguageDetector)
  void instance.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: 'de',
    supportedLngs: languages,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    interpolation: { escapeValue: false }, // React escapes
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: ['localStorage'],
    },
    initAsync: false,
  })
  return instance
}

/** The current UI language, reduced to one we have. */
export function currentLanguage(instance: i18n): Language {
  return instance.resolvedLanguage === 'en' ? 'en' : 'de'
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof de }
  }
}
