import { problemsEs } from '@decidimos/contracts/api/problems/es';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api-client';
import { es, type Messages } from './es';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'decidimos.language';

/** The BCP 47 locale Intl formats with, and the page's `lang`. */
export const LOCALES: Record<Language, string> = { es: 'es-MX', en: 'en-US' };

/** A language's strings: the app's, and the problem and eligibility messages from the contracts. */
export interface Catalog {
  translation: Messages;
  problems: typeof problemsEs.problems;
  eligibility: typeof problemsEs.eligibility;
}

export const spanish: Catalog = { translation: es, ...problemsEs };

// Spanish ships with the first page; English (the app's strings and the problem messages)
// loads when someone picks it, so most phones never download it.
const catalogs: Record<Language, () => Promise<Catalog>> = {
  es: () => Promise.resolve(spanish),
  en: () =>
    Promise.all([import('./en'), import('@decidimos/contracts/api/problems/en')]).then(([app, problems]) => ({
      translation: app.en,
      ...problems.problemsEn,
    })),
};

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

/** Adds `language`'s strings to `instance` if they are not there yet. */
export async function loadLanguage(instance: I18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, 'translation')) return;
  const catalog = await catalogs[language]();
  for (const [namespace, resources] of Object.entries(catalog))
    instance.addResourceBundle(language, namespace, resources);
}

/** Switches the interface language, fetching its strings first. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
}

/**
 * One i18next instance. `bundled` are catalogs already in hand (tests pass both); the rest
 * load through `loadLanguage` before the language is used.
 */
export function createI18n(
  language: Language = 'es',
  bundled: Partial<Record<Language, Catalog>> = { es: spanish },
): I18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(LANGUAGES.map((lng) => [lng, bundled[lng] ?? {}]));
  void instance.use(initReactI18next).init({
    resources,
    ns: ['translation', 'problems', 'eligibility'],
    lng: language,
    fallbackLng: 'es',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  setRequestLanguage(language);
  instance.on('languageChanged', (next) => {
    setRequestLanguage(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this visit only
    }
    document.documentElement.lang = LOCALES[next as Language] ?? 'es-MX';
  });
  document.documentElement.lang = LOCALES[language];
  return instance;
}

/** The instance the app starts with: the stored language, its strings loaded. */
export async function startI18n(): Promise<I18n> {
  const language = storedLanguage();
  const instance = createI18n(language);
  await loadLanguage(instance, language);
  return instance;
}
