import { configureLocalization } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.ts';

/**
 * The terminal's languages: @lit/localize in runtime mode like the page, with a catalogue of its
 * own (lit-localize.cli.json, xliff/cli/), so the page's Korean chunk carries none of these words.
 */
export type CliLocale = (typeof allLocales)[number];
export { sourceLocale };

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // A static import path: esbuild puts the catalogue into the bundled bin, tsx loads it from src/.
  loadLocale: () => import('./generated/ko.ts'),
});

const KNOWN: readonly string[] = allLocales;

/**
 * The language to speak: `--lang ko|en` (read ahead of the rest of the command line, so even its
 * mistakes are worded in it), else the first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX
 * orders them (ko, ko_KR.UTF-8 → Korean), else English. An unknown --lang is left to
 * parseCommandLine to refuse.
 */
export function localeFor(argv: readonly string[], env: NodeJS.ProcessEnv): CliLocale {
  const asked = langFlag(argv);
  if (asked !== undefined && KNOWN.includes(asked)) return asked as CliLocale;
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return setting !== undefined && /^ko([_.@-]|$)/i.test(setting) ? 'ko' : sourceLocale;
}

function langFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') value = argv[++i];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value;
}

/**
 * Switches the messages to the locale before anything is printed. setLocale announces the switch
 * on `window` (for the page's elements); a terminal has none, so an inert one stands in meanwhile.
 */
export async function startLocale(locale: CliLocale): Promise<void> {
  const scope = globalThis as { window?: unknown };
  const borrowed = scope.window === undefined;
  if (borrowed) scope.window = new EventTarget();
  try {
    await setLocale(locale);
  } finally {
    if (borrowed) delete scope.window;
  }
}
