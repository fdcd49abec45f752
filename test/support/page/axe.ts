import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One axe rule broken on a page, with where: enough to find and fix it without running axe again. */
export interface AxeViolation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  /** One line per offending element: its selector (through shadow roots, joined by " >> ") and axe's reason. */
  readonly nodes: readonly string[];
}

/** What the issue forbids: a violation that blocks or seriously hinders someone. */
export function isSeriousOrCritical(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

/**
 * Every rule axe-core finds broken on the page as it is now, all impacts. axe walks open shadow
 * roots by itself, so the Lit elements' insides are checked, not just their hosts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.map((node) => {
      const where = node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : String(part))).join(' | ');
      return `${where}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`;
    }),
  }));
}

/** A readable list for a failure message: rule, impact, help, then each element. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return '(none)';
  return violations
    .map((v) => `[${v.impact}] ${v.rule}: ${v.help}\n${v.nodes.map((node) => `    ${node}`).join('\n')}`)
    .join('\n');
}

