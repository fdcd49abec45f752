/**
 * The first wanted language the page speaks, else the fallback. A tag matches exactly or by its
 * language alone ("ko-KR" → "ko"); case does not matter, as BCP 47 says. Pure: main.ts hands it
 * the remembered choice and navigator.languages.
 */
export function pickLocale<L extends string>(wanted: readonly (string | null | undefined)[], available: readonly L[], fallback: L): L {
  for (const tag of wanted) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const exact = available.find((locale) => locale.toLowerCase() === lower);
    if (exact) return exact;
    const byLanguage = available.find((locale) => locale.toLowerCase() === primaryLanguage(lower));
    if (byLanguage) return byLanguage;
  }
  return fallback;
}

/** "ko-KR" → "ko", "zh-Hant-TW" → "zh". */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
