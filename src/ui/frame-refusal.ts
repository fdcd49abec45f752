import './components/p2p-framed-notice.ts';
import type { LocaleChoice } from './locale/localization.ts';

/**
 * Inside another page's frame the app never starts: a framing site could lay its own content over
 * ours and trick a click on Accept or Always accept. A page can refuse to be framed only with an
 * HTTP header (frame-ancestors or X-Frame-Options; a <meta> CSP cannot say frame-ancestors), and
 * static hosts such as GitHub Pages do not let us set one, so the page checks for itself.
 *
 * Returns whether it refused. `window` (unforgeable, unlike `self`) is compared, so not even a
 * same-origin parent can make the frame look like the top.
 */
export function refuseToRunInFrame(locale: LocaleChoice): boolean {
  if (window.top === window) return false;
  for (const element of document.querySelectorAll('p2p-app, p2p-update-notice')) element.remove();
  const notice = document.createElement('p2p-framed-notice');
  // Without the #fragment: a framing page could have put its own offer there.
  const direct = new URL(location.href);
  direct.hash = '';
  notice.href = direct.href;
  // In the language the app would speak, chosen the same way (a saved choice, then the browser's).
  void locale.start().finally(() => document.body.append(notice));
  return true;
}
