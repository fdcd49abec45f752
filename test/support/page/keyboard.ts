import type { ElementHandle, Locator, Page } from 'playwright-core';

/**
 * Driving a page as someone without a mouse does: Tab and Shift+Tab to move, Enter or Space to
 * press. Locators here only ask where the focus is; nothing is clicked or filled through them.
 */

export interface FocusIndicator {
  /** The browser considers the focus one to show (keyboard focus). */
  readonly focusVisible: boolean;
  /** The outline drawn around it, as computed: style, width and colour. */
  readonly outline: string;
}

/** One Tab stop: what had the focus, and how it showed it. */
export interface TabStop {
  readonly control: string;
  readonly indicator: FocusIndicator;
}

// The three functions below run in the page (Playwright sends their source), so each stands alone.

/** The control that really has the focus: document.activeElement stops at a shadow host. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === document.body ? null : active;
}

function readIndicator(element: Element): FocusIndicator {
  const style = getComputedStyle(element);
  return { focusVisible: element.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` };
}

function describeElement(element: Element): string {
  const role = element.getAttribute('role');
  const label = (element as HTMLInputElement).labels?.[0]?.textContent;
  const name = (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${element.localName}${role ? ` role=${role}` : ''}${element.id ? ` #${element.id}` : ''}> "${name}"`;
}

async function focusedElement(page: Page): Promise<ElementHandle<Element> | null> {
  return (await page.evaluateHandle(deepActiveElement)).asElement();
}

/** True when the keyboard focus is on (one of) the element(s) `target` matches. */
export async function isFocused(target: Locator): Promise<boolean> {
  const active = await focusedElement(target.page());
  // evaluateAll neither waits for the element nor insists on exactly one: absent means not focused.
  return active !== null && target.evaluateAll((elements, focused) => elements.some((element) => element === focused), active);
}

/** The focused element in a few words (tag, role, id, name), for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return (await (await focusedElement(page))?.evaluate(describeElement)) ?? '<body>';
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `maxPresses`, listing where the focus went. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; maxPresses?: number } = {}): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const maxPresses = options.maxPresses ?? 40;
  const visited: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
    visited.push(await describeFocus(page));
  }
  throw new Error(`${maxPresses} × ${key} never reached ${target}; the focus went: ${visited.join(' → ')}`);
}

/** How the control shows that it has the focus. */
export async function focusIndicator(target: Locator): Promise<FocusIndicator> {
  return target.evaluate(readIndicator);
}

/** True when the indicator is a real outline: shown, not 'none', and at least 2 px wide. */
export function isVisibleOutline(indicator: FocusIndicator): boolean {
  const [style, width] = indicator.outline.split(' ');
  return indicator.focusVisible && style !== 'none' && Number.parseFloat(width ?? '0') >= 2;
}

/**
 * Tabs through the whole page from its start, once round, and reports every stop: so a control
 * that cannot be reached does not appear, and one that hides its focus is named.
 */
export async function tabThroughPage(page: Page, maxStops = 80): Promise<TabStop[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: TabStop[] = [];
  let first: ElementHandle<Element> | undefined;
  for (let press = 0; press < maxStops; press++) {
    await page.keyboard.press('Tab');
    const element = await focusedElement(page);
    if (!element) continue; // between the page's last control and its first
    if (first && (await first.evaluate((a, b) => a === b, element))) break;
    first ??= element;
    stops.push({ control: await element.evaluate(describeElement), indicator: await element.evaluate(readIndicator) });
  }
  return stops;
}
