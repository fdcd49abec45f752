/**
 * What hashing a file costs (`npm run bench:digest`), which chose DIGEST_BLOCK_BYTES in
 * src/core/transfer/file-digest.ts: in a Chromium page, crypto.subtle.digest('SHA-256') by input
 * size, and how long the page's main thread is held while issuing 256 MiB of 256 KiB blocks;
 * then, in Node, FileDigest over 256 MiB fed in 262131 B frames with WebCrypto and with
 * @noble/hashes (the fallback for pages without WebCrypto).
 */
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';
import { FileDigest, javaScriptBlockHasher, webCryptoBlockHasher } from '../src/core/transfer/file-digest.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const INPUT_BYTES = [16 * KiB, 64 * KiB, 256 * KiB, 512 * KiB, MiB, 4 * MiB];

// crypto.subtle needs a secure context: the app's page on 127.0.0.1 is one.
const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();
const page = await (await newDevice(browser)).newPage();
await page.goto(url);
console.log(`Chromium ${browser.version()}: crypto.subtle.digest('SHA-256'), one call at a time for 1 s each`);
for (const bytes of INPUT_BYTES) {
  const mbPerSecond = await page.evaluate(async (size) => {
    const input = new Uint8Array(size);
    const started = performance.now();
    let hashed = 0;
    while (performance.now() - started < 1000) {
      await crypto.subtle.digest('SHA-256', input);
      hashed += size;
    }
    return hashed / 1e3 / (performance.now() - started);
  }, bytes);
  console.log(`  ${String(bytes / KiB).padStart(5)} KiB inputs  ${mbPerSecond.toFixed(0).padStart(5)} MB/s`);
}
const issue = await page.evaluate(async () => {
  const block = new Uint8Array(256 * 1024);
  const started = performance.now();
  const digests = Array.from({ length: 1024 }, () => crypto.subtle.digest('SHA-256', block));
  const issuedMs = performance.now() - started;
  await Promise.all(digests);
  return { issuedMs, doneMs: performance.now() - started };
});
console.log(`  256 MiB as 256 KiB blocks: calls returned after ${issue.issuedMs.toFixed(0)} ms, all digests after ${issue.doneMs.toFixed(0)} ms`);
await browser.close();
server.close();

console.log(`Node ${process.versions.node}: FileDigest over 256 MiB in 262131 B frames`);
const frame = new Uint8Array(262_131);
for (const [name, hasher] of [['WebCrypto', webCryptoBlockHasher], ['@noble/hashes', javaScriptBlockHasher]] as const) {
  const digest = new FileDigest(hasher);
  const started = performance.now();
  for (let fed = 0; fed < 256 * MiB; fed += frame.byteLength) digest.update(frame);
  await digest.digest();
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${name.padEnd(14)} ${((256 * MiB) / 1e6 / seconds).toFixed(0).padStart(5)} MB/s`);
}
