import { expect, inject, test } from 'vitest';
import { waitUntilBothConnected } from '../support/page/peer-page.ts';
import { openPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

function changeOneCharacter(text: string): string {
  const i = Math.floor(text.length / 2);
  return text.slice(0, i) + (text[i] === 'Q' ? 'R' : 'Q') + text.slice(i + 1);
}

test('bad pastes get a clear alert and leave both sessions as they were; the real answer still connects', async () => {
  const [a, b] = await openPair(browser(), baseUrl);
  const offer = await a.createOffer();
  const statusBefore = await a.status.textContent();

  const cases: [string, RegExp][] = [
    ['Hi! Here is my code: banana', /not a connection code/],
    [offer.slice(0, Math.floor(offer.length * 0.6)), /incomplete/],
    [changeOneCharacter(offer), /damaged/],
    [offer, /your own offer/],
  ];
  for (const [input, message] of cases) {
    await a.paste(input);
    await a.waitForAlert(message);
    expect(await a.blobBox('Offer').inputValue()).toBe(offer);
    expect(await a.status.textContent()).toBe(statusBefore);
  }
  await a.paste('');
  await a.apply();
  await a.waitForAlert(/Nothing was pasted/);

  await b.paste(changeOneCharacter(offer));
  await b.waitForAlert(/damaged/);
  expect(await b.blobBox('Answer').count()).toBe(0);
  await b.paste(offer);
  const answer = await b.readBlob('Answer');
  await b.paste(answer);
  await b.waitForAlert(/your own answer/);
  await b.paste(offer);
  await b.waitForAlert(/already answered this offer/);
  expect(await b.blobBox('Answer').inputValue()).toBe(answer);

  await a.paste(answer);
  await waitUntilBothConnected(a, b);
  expect(await a.alert.count()).toBe(0);
});
