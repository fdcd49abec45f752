// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import '../../src/ui/components/p2p-framed-notice.ts';
import { allByRole, mount, visibleText } from './mount.ts';

describe('<p2p-framed-notice>', () => {
  test('one sentence and a link that opens the page as a tab of its own, with no opener', async () => {
    const notice = await mount('p2p-framed-notice', { href: 'https://you.github.io/app/' });
    expect(visibleText(notice)).toContain('does not run inside another page');
    const [link, ...others] = allByRole(notice, 'link', 'Open P2P Direct in a new tab');
    expect(others).toEqual([]);
    expect(link!.getAttribute('href')).toBe('https://you.github.io/app/');
    expect(link!.getAttribute('target')).toBe('_blank');
    expect(link!.getAttribute('rel')).toBe('noopener');
    expect(allByRole(notice, 'button')).toEqual([]);
  });
});
