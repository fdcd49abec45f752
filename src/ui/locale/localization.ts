import { configureLocalization, msg, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.ts';
import { pickLocale } from './pick-locale.ts';

/**
 * The page's languages (@lit/localize in runtime mode). English is written in the source; every
 * other language is a catalogue in xliff/ that `npm run i18n:build` turns into generated/<code>.ts.
 */
export type Locale = (typeof allLocales)[number];
export { allLocales, sourceLocale };

/** One chunk per translation, fetched when it is chosen: an English page never downloads Korean. */
const catalogues = import.meta.glob<LocaleModule>(['./generated/*.ts', '!./generated/locale-codes.ts']);

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => {
    const load = catalogues[`./generated/${locale}.ts`];
    return load ? load() : Promise.reject(new Error(`no catalogue for ${locale}`));
  },
});

/** Where the chosen language is remembered (src/platform keeps it in localStorage). */
export interface LocaleStore {
  load(): string | null;
  save(locale: string): void;
}

/**
 * Which language the page speaks: the user's own choice once made (remembered), until then the
 * browser's first preferred language the page has, else English. Changing it re-renders every
 * element in place (@localized), so the session, the link and the chat are untouched.
 */
export class LocaleChoice {
  constructor(
    private readonly store: LocaleStore,
    private readonly browserLanguages: readonly string[],
  ) {}

  start(): Promise<void> {
    return this.apply(pickLocale([this.store.load(), ...this.browserLanguages], allLocales, sourceLocale));
  }

  choose(locale: string): Promise<void> {
    const known = pickLocale([locale], allLocales, sourceLocale);
    this.store.save(known);
    return this.apply(known);
  }

  private async apply(locale: Locale): Promise<void> {
    try {
      await setLocale(locale);
    } catch {
      // The catalogue could not be fetched (offline before the first full visit): the page keeps
      // speaking the language it had, which always works.
    }
    document.documentElement.lang = getLocale();
    document.title = msg('P2P Direct — connect two devices without a server');
  }
}
