import type { LitElement } from 'lit';
import { afterEach, onTestFinished } from 'vitest';
import type { ProblemEvent } from '../../src/ui/problems.ts';
import { problemText } from '../../src/ui/text/problem-text.ts';

/**
 * Mounting and querying for the component tests (happy-dom). Queries look the way a user (or a
 * screen reader) does: by role and accessible name, through every shadow root, so a test breaks
 * when a control's name or role changes, not when its markup is rearranged.
 */

// Every test starts from an empty page; disconnecting also runs the elements' clean-up.
afterEach(() => document.body.replaceChildren());

export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = Object.assign(document.createElement(tag), properties);
  document.body.append(element);
  await settled(element);
  return element;
}

/** Lets pending promises run, then waits for the element (and any element inside it) to render. */
export async function settled(element: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const lit of [element, ...descendants(element)]) await (lit as Partial<LitElement>).updateComplete;
  }
}

export type Role =
  | 'button'
  | 'textbox'
  | 'checkbox'
  | 'combobox'
  | 'option'
  | 'spinbutton'
  | 'img'
  | 'log'
  | 'status'
  | 'alert'
  | 'group'
  | 'list'
  | 'listitem'
  | 'progressbar'
  | 'link'
  | 'timer'
  | 'video';

const IMPLICIT_ROLES: Record<Role, string> = {
  button: 'button',
  textbox: 'textarea, input:not([type]), input[type=text], input[type=password]',
  checkbox: 'input[type=checkbox]',
  combobox: 'select',
  option: 'option',
  spinbutton: 'input[type=number]',
  img: 'img',
  log: '',
  status: 'output',
  alert: '',
  group: 'fieldset, details',
  list: 'ul, ol',
  listitem: 'li',
  progressbar: 'progress',
  link: 'a[href]',
  timer: '',
  // Not an ARIA role: a <video> is found by its aria-label.
  video: 'video',
};

/** Elements with this role (implicit or explicit), skipping aria-hidden ones, optionally with this name. */
export function allByRole(root: Element, role: Role, name?: string | RegExp): HTMLElement[] {
  const selector = [`[role=${role}]`, IMPLICIT_ROLES[role]].filter(Boolean).join(', ');
  return [root, ...descendants(root)]
    .flatMap((host) => [...(host.shadowRoot ?? host).querySelectorAll<HTMLElement>(selector)])
    .filter((element) => element.getAttribute('aria-hidden') !== 'true')
    .filter((element) => name === undefined || matches(accessibleName(element), name));
}

/** The one element with this role and name; the error lists what there is instead. */
export function getByRole(root: Element, role: Role, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length === 1) return found[0]!;
  const present = allByRole(root, role).map((element) => JSON.stringify(accessibleName(element)));
  throw new Error(`${found.length} elements with role ${role} named ${String(name)}; with that role: ${present.join(', ') || 'none'}`);
}

export function button(root: Element, name: string | RegExp): HTMLButtonElement {
  return getByRole(root, 'button', name) as HTMLButtonElement;
}

export function buttonNames(root: Element): string[] {
  return allByRole(root, 'button').map(accessibleName);
}

/** The child that names a details (its summary) or a fieldset (its legend). */
const CAPTIONS: Record<string, string> = { details: 'summary', fieldset: 'legend' };

/** aria-label, else aria-labelledby, else the label of a form control or a group's caption, else the text. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label !== null) return normalize(label);
  const scope = element.getRootNode() as ParentNode;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return normalize(labelledBy.split(/\s+/).map((id) => scope.querySelector(`#${id}`)?.textContent ?? '').join(' '));
  if (element.matches('input, textarea, select')) {
    const byFor = element.id ? scope.querySelector(`label[for="${element.id}"]`) : null;
    return normalize((byFor ?? element.closest('label'))?.textContent ?? '');
  }
  const caption = [...element.children].find((child) => child.localName === CAPTIONS[element.localName]);
  if (caption) return normalize(caption.textContent ?? '');
  return visibleText(element);
}

/** The text a user reads in an element, shadow content included. */
export function visibleText(element: Element): string {
  return normalize([element, ...descendants(element)].map((host) => (host.shadowRoot ?? host).textContent ?? '').join(' '));
}

/** Types like a user: sets the value and fires input (and change when asked). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, text: string, { change = false } = {}): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (change) field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Presses Enter in a field: the keydown, then (unless a handler took it) the browser's implicit
 * submission of the field's form, which happy-dom does not do by itself.
 */
export function pressEnter(field: HTMLInputElement | HTMLTextAreaElement): void {
  const keydown = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
  if (field.dispatchEvent(keydown) && field instanceof HTMLInputElement) field.form?.requestSubmit();
}

/** Collects the detail of every `type` event that reaches the document (or what `read` takes of it). */
export function recordEvents<T = unknown>(type: string, read = (event: Event) => (event as CustomEvent<T>).detail): T[] {
  const details: T[] = [];
  const listener = (event: Event) => details.push(read(event));
  document.addEventListener(type, listener);
  onTestFinished(() => document.removeEventListener(type, listener));
  return details;
}

/** The sentence the page shows for each p2p-problem that reaches the document. */
export function recordProblems(): string[] {
  return recordEvents('p2p-problem', (event) => problemText((event as ProblemEvent).detail.problem));
}

function descendants(root: Element): Element[] {
  const found: Element[] = [];
  for (const child of (root.shadowRoot ?? root).querySelectorAll('*')) {
    if (child.shadowRoot) found.push(child, ...descendants(child));
  }
  return found;
}

function matches(value: string, name: string | RegExp): boolean {
  return typeof name === 'string' ? value === name : name.test(value);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
