import { getLocale } from './localization.ts';
import { primaryLanguage } from './pick-locale.ts';

/**
 * Numbers and times follow the page's language, with the user's own region where the browser
 * names one for it (an "en-GB" browser keeps its 24-hour clock on the English page).
 */
export function formatLocale(): string {
  const language = getLocale();
  const browser = globalThis.navigator?.languages ?? [];
  return browser.find((tag) => primaryLanguage(tag) === language) ?? language;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A measurement with a fixed number of decimals. No grouping: "1000 kbit/s" reads as one value
 * in every language the page has, and stays the same width as it ticks past a thousand.
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  const key = `${formatLocale()}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(formatLocale(), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A clock time to the second, as the chat stamps messages. */
export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
}
