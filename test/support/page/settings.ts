import type { Page } from 'playwright-core';

/** The Settings section of one peer's page (a <details> that opens on its summary). */
export class SettingsPart {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    const summary = this.page.getByText('Settings', { exact: true });
    const details = this.page.locator('p2p-settings details');
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await summary.click();
  }

  async setNumber(label: string, value: number): Promise<void> {
    await this.open();
    const input = this.page.getByRole('spinbutton', { name: label });
    await input.fill(String(value));
    await input.press('Tab');
  }

  async removeAllIceServers(): Promise<void> {
    await this.open();
    const remove = this.page.getByRole('button', { name: /^Remove server \d+$/ });
    while ((await remove.count()) > 0) await remove.first().click();
  }

  /** Replaces the ICE server list with these STUN URLs, typed in as a user would. */
  async useIceServers(urls: readonly string[]): Promise<void> {
    await this.removeAllIceServers();
    for (const [index, url] of urls.entries()) {
      await this.page.getByRole('button', { name: 'Add server', exact: true }).click();
      const input = this.page.getByRole('textbox', { name: `Server ${index + 1} URL` });
      await input.fill(url);
      await input.press('Tab');
    }
  }

  /** Replaces the ICE server list with one TURN server and its long-term credential. */
  async useTurnServer(url: string, username: string, password: string): Promise<void> {
    await this.useIceServers([url]);
    for (const [label, value] of [['Server 1 user name', username], ['Server 1 password', password]] as const) {
      const input = this.page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
  }

  /** Types a URL into server `n`'s field and leaves it, as a user would (the form checks and saves then). */
  async setServerUrl(n: number, url: string): Promise<void> {
    await this.open();
    const input = this.page.getByRole('textbox', { name: `Server ${n} URL` });
    await input.fill(url);
    await input.press('Tab');
  }

  async setRelayOnly(on: boolean): Promise<void> {
    await this.open();
    await this.page.getByRole('checkbox', { name: 'Relay only', exact: true }).setChecked(on);
  }
}
