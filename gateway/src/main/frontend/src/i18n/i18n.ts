/**
 * The page's language: en, fr or zh. Every word the portal shows comes from a catalogue in ./messages; the English
 * one defines the keys, and the others must have every one of them (the compiler and test/i18n.test.ts check it).
 */
import { en } from './messages/en';
import { fr } from './messages/fr';
import { zh } from './messages/zh';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const LANGUAGES = ['en', 'fr', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Catalogue> = { en, fr, zh };

const STORAGE_KEY = 'rapport.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `{name}` placeholders filled from params; a missing key answers the key itself, so a gap is visible, not blank. */
export function translate(catalogue: Catalogue, key: MessageKey, params?: Params): string {
  const template = catalogue[key] ?? en[key];
  if (template === undefined) {
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && params[name] !== undefined ? String(params[name]) : whole);
}

/** The placeholders a message uses, e.g. ["company", "status"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The first of the browser's preferred languages the portal speaks, else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) {
      return primary;
    }
  }
  return 'en';
}

type Listener = (language: Language) => void;

/** The current language, remembered in localStorage, with listeners that re-render the page when it changes. */
class I18n {
  private current: Language = 'en';
  private readonly listeners = new Set<Listener>();

  init(stored: string | null, browserLanguages: readonly string[]): void {
    this.current = isLanguage(stored) ? stored : preferredLanguage(browserLanguages);
  }

  get language(): Language {
    return this.current;
  }

  /** Chosen by the user (the switcher) or, before any choice, by the partner's registered language. */
  set(language: Language, remember = true): void {
    if (remember) {
      try {
        localStorage.setItem(STORAGE_KEY, language);
      } catch {
        // private mode: the choice lasts for this page only
      }
    }
    if (language !== this.current) {
      this.current = language;
      this.listeners.forEach((listener) => listener(language));
    }
  }

  hasStoredChoice(): boolean {
    try {
      return isLanguage(localStorage.getItem(STORAGE_KEY));
    } catch {
      return false;
    }
  }

  storedChoice(): string | null {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly t: Translate = (key, params) => translate(CATALOGUES[this.current], key, params);
}

export const i18n = new I18n();
export const t: Translate = (key, params) => i18n.t(key, params);
