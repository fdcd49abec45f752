import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, isSeriousOrCritical, type AxeViolation } from './axe.ts';
import { isVisibleOutline, tabThroughPage, type TabStop } from './keyboard.ts';

export type ColorScheme = 'light' | 'dark';
export const COLOR_SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** The page's languages, as its Language select names them; the walk itself runs in English. */
export const PAGE_LANGUAGES = [
  { code: 'en', option: 'English' },
  { code: 'ko', option: '한국어' },
] as const;

interface Finding {
  readonly screen: string;
  readonly scheme: ColorScheme;
  readonly violations: readonly AxeViolation[];
  readonly stops: readonly TabStop[];
}

/**
 * Checks each screen of a walk through the page in both languages and both colour schemes, as the
 * system setting switches them: axe-core's rules, and a Tab round through every control to see that each shows
 * its focus. It collects, so one run shows everything that is wrong, not just the first screen.
 */
export class ScreenAudit {
  private readonly found: Finding[] = [];

  /** Each language (switched with the page's own Language select, then back) in each colour scheme. */
  async check(screen: string, page: Page): Promise<void> {
    const language = page.getByRole('combobox', { name: /^(Language|언어)$/ });
    for (const { code, option } of PAGE_LANGUAGES) {
      await language.selectOption({ label: option });
      for (const scheme of COLOR_SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        const where = `${screen} [${code}]`;
        this.found.push({ screen: where, scheme, violations: await axeViolations(page), stops: await tabThroughPage(page) });
      }
    }
    await language.selectOption({ label: PAGE_LANGUAGES[0].option });
    await page.emulateMedia({ colorScheme: null });
  }

  /** The serious and critical axe violations, each prefixed by its screen and scheme. */
  seriousOrCritical(): string[] {
    return this.found.flatMap(({ screen, scheme, violations }) =>
      violations.filter(isSeriousOrCritical).map((v) => `${screen} (${scheme}): ${v.rule}`),
    );
  }

  /** Controls that took the keyboard focus without a visible outline. */
  hiddenFocus(): string[] {
    return this.found.flatMap(({ screen, scheme, stops }) =>
      stops.filter((stop) => !isVisibleOutline(stop.indicator)).map((stop) => `${screen} (${scheme}): ${stop.control} ${stop.indicator.outline}`),
    );
  }

  /** Per screen and scheme: axe violations (all impacts, and serious or critical among them) and Tab stops. */
  counts(): string {
    return this.found
      .map(({ screen, scheme, violations, stops }) => {
        const serious = violations.filter(isSeriousOrCritical).length;
        return `${screen} (${scheme}): ${violations.length} violations, ${serious} serious or critical; ${stops.length} Tab stops`;
      })
      .join('\n');
  }

  /** Every axe violation of every screen and scheme, in full. */
  describe(): string {
    return this.found.map(({ screen, scheme, violations }) => `── ${screen} (${scheme})\n${describeViolations(violations)}`).join('\n');
  }
}
