import { describe, expect, inject, test } from 'vitest';
import { blobMode, iceUfrag } from '../../src/core/signal/index.ts';
import { compactCodec, fallbackCodec } from '../../src/core/signal/compact-codec.ts';
import { applyInBrowser, applyLiveAnswer, corpus, makeLiveAnswer } from '../support/inputs/corpus.ts';
import { launchFirefox } from '../support/launch/firefox.ts';
import { waitUntilBothConnected } from '../support/page/peer-page.ts';
import { openPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromiumOnOfflineLan();

/**
 * Each corpus sample as the peer would receive it: encoded to a blob, then decoded again.
 * Audio+video answers only fit the offer they answered, so those are covered live (below).
 */
function rebuiltCorpus() {
  return corpus()
    .filter((sample) => !(sample.kind === 'answer' && sample.media === 'av'))
    .map((sample) => ({ ...sample, sdp: rebuild(sample.kind, sample.sdp) }));
}

function rebuild(kind: 'offer' | 'answer', sdp: string): string {
  const decoded = compactCodec.decode(compactCodec.encode({ kind, sdp }));
  if (!decoded.ok) throw new Error(decoded.error.code);
  return decoded.value.sdp;
}

interface Evaluator {
  evaluate<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => Promise<R>): Promise<R>;
}

async function expectAllAccepted(page: Evaluator): Promise<void> {
  for (const sample of rebuiltCorpus()) {
    expect(await page.evaluate(applyInBrowser, sample), sample.name).toMatch(/^accepted/);
  }
  const liveAnswer = await page.evaluate(makeLiveAnswer);
  expect(await page.evaluate(applyLiveAnswer, rebuild('answer', liveAnswer)), 'live audio+video answer').toMatch(/^accepted/);
}

describe('every corpus description, rebuilt from its blob, is accepted by the browsers', () => {
  test('Chromium', async () => {
    const page = await (await chromium().newContext()).newPage();
    await page.goto(baseUrl);
    await expectAllAccepted(page);
  });

  test('Firefox', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.goto(baseUrl);
      await expectAllAccepted(page);
    } finally {
      await firefox.close();
    }
  }, 60_000);
});

describe('two Chromium devices connect through each blob form', () => {
  test('the compact form (what the page produces)', async () => {
    const [a, b] = await openPair(chromium(), baseUrl);
    const offer = await a.createOffer();
    expect(blobMode(offer)).toBe('compact');
    // The first exchange carries the data channel only; audio and video are negotiated in-band.
    expect(decode(offer).sdp.match(/^m=\S+/gm)).toEqual(['m=application']);
    await b.paste(offer);
    const answer = await b.readBlob('Answer');
    expect(blobMode(answer)).toBe('compact');
    await a.paste(answer);
    await waitUntilBothConnected(a, b);
  });

  test('the lossless fallback form', async () => {
    const [a, b] = await openPair(chromium(), baseUrl);
    const offer = reencodeAsFallback(await a.createOffer());
    expect(blobMode(offer)).toBe('fallback');
    await b.paste(offer);
    const offerUfrag = iceUfrag(decode(offer).sdp);
    const answer = reencodeAsFallback(await b.readBlob('Answer'), offerUfrag);
    expect(blobMode(answer)).toBe('fallback');
    await a.paste(answer);
    await waitUntilBothConnected(a, b);
    await a.chat.send('through the fallback form');
    await b.chat.waitFor('through the fallback form', 'theirs');
  });
});

function decode(blob: string) {
  const decoded = compactCodec.decode(blob);
  if (!decoded.ok) throw new Error(decoded.error.code);
  return decoded.value;
}

function reencodeAsFallback(blob: string, offerUfrag?: string): string {
  return fallbackCodec.encode(decode(blob), { offerUfrag });
}
