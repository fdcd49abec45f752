// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { setLocale } from '../../../src/ui/locale/localization.ts';

// As in index.html: <p2p-app> is in the page before its module defines it, and is upgraded then.
document.body.innerHTML = '<p2p-app></p2p-app>';
const { chromium, memoryApp, status, until } = await import('../app-page.ts');

test('the page that was in the document before its element was defined follows a change of language too', async () => {
  const page = document.querySelector('p2p-app')!;
  page.app = memoryApp(chromium);
  await until(page, () => expect(status(page)).toMatch(/^Ready\./));
  await setLocale('ko');
  await until(page, () => expect(status(page)).toMatch(/^준비됐어요\./));
  await setLocale('en');
  await until(page, () => expect(status(page)).toMatch(/^Ready\./));
});
