import { msg, str } from '@lit/localize';
import { getLocale, sourceLocale } from './cli-locale.ts';

/**
 * A mistake node:util parseArgs found (an unknown option, a missing or unwanted value). Node says
 * it in English, and English keeps Node's sentence; another language says it in its own words,
 * naming the option Node quoted.
 */
export function commandLineMistake(error: unknown): string {
  const english = error instanceof Error ? error.message : String(error);
  if (getLocale() === sourceLocale) return english;
  const quoted = /'([^']+)'/.exec(english)?.[1] ?? '';
  // "-f, --force" and "--page <value>": the option's long name is its last dashed word.
  const option = quoted.match(/--?[\w-]+/g)?.at(-1) ?? quoted;
  switch ((error as { code?: unknown }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return msg(str`Unknown option ${option}. A file name that starts with "-" goes at the end, after "--".`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(english) ? msg(str`${option} takes no value.`) : msg(str`${option} needs a value.`);
    default:
      return english;
  }
}
