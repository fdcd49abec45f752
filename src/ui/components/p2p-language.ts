import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { intent } from '../events.ts';
import { allLocales, getLocale } from '../locale/localization.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-language': P2pLanguage;
  }
}

/** Each language by its own name ("English", "한국어"), so anyone finds theirs whatever the page speaks. */
function ownName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/**
 * The Language select. It only asks: src/main.ts applies the choice and remembers it.
 *
 * @fires p2p-locale-change - with the locale picked
 */
@customElement('p2p-language')
@localized()
export class P2pLanguage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      label {
        margin: 0;
      }
      select {
        width: auto;
      }
    `,
  ];

  override render() {
    const active = getLocale();
    return html`
      <label for="language">${msg('Language')}</label>
      <select id="language" @change=${this.handleChange}>
        ${allLocales.map(
          (locale) => html`<option value=${locale} lang=${locale} .selected=${locale === active}>${ownName(locale)}</option>`,
        )}
      </select>
    `;
  }

  private handleChange(event: Event): void {
    const locale = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(intent('p2p-locale-change', { locale }));
  }
}
