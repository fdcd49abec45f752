/**
 * Groups (`npm run bench:group`): four Chromium pages on the offline LAN. A and B link by hand;
 * A adds C, then D, by hand. Printed: the time from A's link to a newcomer coming up to every
 * other member holding its own link to the newcomer (the introduction: an offer and an answer
 * relayed over A's links, then ICE and DTLS); and chat latency, from the sender's log to each
 * receiver's (both Date.now() on one machine), median of ROUNDS messages: in the pair, and in the
 * group of 4, where a message counts when the last of the three has it. ROUNDS (20) sets the count.
 */
import type { Page } from 'playwright-core';
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { addDevice, rename } from '../test/support/page/group.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const ROUNDS = Number(process.env['ROUNDS'] ?? 20);
setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();
const pages = await Promise.all(['Ann', 'Bo', 'Cy', 'Di'].map(async (name) => ({ name, peer: await PeerPage.open(await newDevice(browser), url) })));
const [a, b, c, d] = pages as [(typeof pages)[0], (typeof pages)[0], (typeof pages)[0], (typeof pages)[0]];
console.log(`${browser.version()}, 4 pages in one browser on 2 cores`);
for (const page of pages) await recordLinkTimes(page.peer.page);

await a.peer.connectTo(b.peer);
for (const page of [a, b]) await rename(page.peer, page.name);
const pair = await chatLatencies(b, [a]);
const introductions: number[] = [];
for (const newcomer of [c, d]) {
  await addDevice(a.peer, newcomer.peer);
  await rename(newcomer.peer, newcomer.name);
  const members = pages.slice(0, pages.indexOf(newcomer) + 1);
  await Promise.all(members.map(({ peer }) => peer.page.waitForFunction((count) => (window as unknown as Probe).linkedCount() === count, members.length - 1, { timeout: 30_000 })));
  const linkedToA = await a.peer.page.evaluate((name) => (window as unknown as Probe).linkedAt[name]!, newcomer.name);
  const others = members.filter((member) => member !== a && member !== newcomer);
  const linkedToOthers = await Promise.all(others.map(({ peer }) => peer.page.evaluate((name) => (window as unknown as Probe).linkedAt[name]!, newcomer.name)));
  const ms = Math.max(...linkedToOthers) - linkedToA;
  introductions.push(ms);
  console.log(`A linked ${newcomer.name} → ${others.map((other) => other.name).join(' and ')} linked to ${newcomer.name}: ${ms} ms`);
}
const group = await chatLatencies(b, [a, c, d]);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
console.log(`chat latency, pair (B → A):            median ${median(pair)} ms (max ${Math.max(...pair)})`);
console.log(`chat latency, group of 4 (B → A, C, D): median ${median(group)} ms (max ${Math.max(...group)}), until the last of the three has it`);
await browser.close();
server.close();

interface Probe {
  linkedAt: Record<string, number>;
  linkedCount(): number;
}

/** In the page, when each member's link first came up, by name (a string: tsx would wrap named functions in a helper the page lacks). */
async function recordLinkTimes(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.linkedAt = {};
    window.linkedCount = () => 0;
    const start = () => {
      const group = document.querySelector('p2p-app')?.groupApp?.group;
      if (!group) return setTimeout(start, 20);
      const mark = () => {
        for (const member of group.members) {
          if (member.state === 'linked' && member.card?.name && !window.linkedAt[member.card.name]) window.linkedAt[member.card.name] = Date.now();
        }
      };
      window.linkedCount = () => group.members.filter((member) => member.state === 'linked').length;
      group.addEventListener('change', mark);
      setInterval(mark, 20);
    };
    start();
  })()`);
}

/** Per message: the latest receiver's log time minus the sender's. */
async function chatLatencies(from: (typeof pages)[0], to: (typeof pages)[0][]): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const text = `probe ${to.length} ${i}`;
    await from.peer.chat.send(text);
    const at = (peer: PeerPage) =>
      peer.page.waitForFunction((wanted) => {
        const app = document.querySelector('p2p-app') as unknown as { groupApp: { chat: { entries: { text: string; at: number }[] } } };
        return app.groupApp.chat.entries.find((entry) => entry.text === wanted)?.at;
      }, text).then((handle) => handle.jsonValue() as Promise<number>);
    const sent = await at(from.peer);
    const received = await Promise.all(to.map(({ peer }) => at(peer)));
    latencies.push(Math.max(...received) - sent);
  }
  return latencies;
}
