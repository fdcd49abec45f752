#!/usr/bin/env node
// Serves the built page (dist/) over HTTPS on every address of this computer, so a phone on the
// same offline LAN can open it and use its camera (browsers allow the camera on https:// only).
//
//   node scripts/lan.mjs [--port 8443] [--dir dist] [--cert-dir node_modules/.cache/p2p-direct-lan]
//
// The certificate is self-signed, made here with node:crypto alone (Node has no X.509 builder, so
// a few lines of DER below), so it also works where no openssl is installed. It is kept and reused
// while it covers this computer's addresses: a phone that accepted it once is not asked again.
import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { hostname, networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    dir: { type: 'string', default: join(root, 'dist') },
    'cert-dir': { type: 'string', default: join(root, 'node_modules', '.cache', 'p2p-direct-lan') },
  },
});

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

const dir = resolve(args.dir);
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No build in ${dir}: run \`npm run build\` first (\`npm run lan\` does both).`);
  process.exit(1);
}

const lanAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a.address);
const localName = `${hostname().split('.')[0]}.local`;
const { key, cert } = certificateFor(['localhost', localName], ['127.0.0.1', ...lanAddresses], resolve(args['cert-dir']));

const server = createServer({ key, cert }, (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'https://x').pathname);
  let file = resolve(dir, `.${path}`);
  if (file !== dir && !file.startsWith(dir + sep)) return void response.writeHead(404).end('not found');
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404).end('not found');
  // no-cache: the browser revalidates, so a rebuild shows up at once (the service worker, where the
  // browser allows one, keeps the offline copy).
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(response);
});

server.listen(Number(args.port), '0.0.0.0', async () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const urls = lanAddresses.map((address) => `https://${address}:${port}/`);
  console.log(`\nP2P Direct is served over HTTPS from ${dir}\n`);
  for (const url of urls) console.log(`  ${url}`);
  console.log(`  https://${localName}:${port}/   (where the network resolves .local names)`);
  console.log(`  https://localhost:${port}/   (this computer)\n`);
  console.log(`Certificate SHA-256 fingerprint (the phone can show it under the warning's details):`);
  console.log(`  ${new X509Certificate(cert).fingerprint256}\n`);
  if (urls.length === 0) console.log('No network address found: connect this computer to the LAN (Wi-Fi or cable).\n');
  for (const url of urls) console.log(`${url}\n${await QRCode.toString(url, { type: 'terminal', small: true })}`);
  console.log(
    'Scan the code with the phone camera. The certificate is self-signed, so the phone first shows a\n' +
      'warning ("Your connection is not private" / "Warning: Potential Security Risk Ahead"): tap\n' +
      'Advanced, then Proceed / Accept the Risk and Continue. The page is then https, and the camera works.\n' +
      'Press Ctrl+C to stop.',
  );
});

/** Reuses the saved certificate while it is valid for a month more and names every address. */
function certificateFor(names, addresses, certDir) {
  const keyFile = join(certDir, 'key.pem');
  const certFile = join(certDir, 'cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const saved = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
    const x509 = new X509Certificate(saved.cert);
    const monthAhead = Date.now() + 30 * 24 * 3600 * 1000;
    if (Date.parse(x509.validTo) > monthAhead && addresses.every((ip) => x509.checkIP(ip)) && names.every((n) => x509.checkHost(n))) return saved;
  }
  const made = selfSignedCertificate(names, addresses);
  mkdirSync(certDir, { recursive: true });
  writeFileSync(keyFile, made.key, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return made;
}

/**
 * An X.509 v3 certificate (RFC 5280) for an ECDSA P-256 key, valid for one year, with the names and
 * IPv4 addresses in subjectAltName (browsers ignore the common name) and extKeyUsage serverAuth.
 * A well-formed certificate matters: Chromium lets the user proceed past an untrusted one
 * (ERR_CERT_AUTHORITY_INVALID) but not past a malformed one (ERR_CERT_INVALID).
 */
function selfSignedCertificate(names, addresses) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), der(0x0c, Buffer.from('P2P Direct on this LAN')))));
  const now = Date.now();
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // a positive INTEGER
  const altNames = seq(
    ...names.map((n) => der(0x82, Buffer.from(n))), // [2] dNSName
    ...addresses.map((ip) => der(0x87, Buffer.from(ip.split('.').map(Number)))), // [7] iPAddress
  );
  const extensions = seq(
    seq(oid('2.5.29.17'), der(0x04, altNames)),
    seq(oid('2.5.29.19'), der(0x01, Buffer.from([0xff])), der(0x04, seq())), // basicConstraints, critical, not a CA
    seq(oid('2.5.29.37'), der(0x04, seq(oid('1.3.6.1.5.5.7.3.1')))), // extKeyUsage serverAuth
  );
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))), // version v3
    der(0x02, serial),
    ecdsaWithSha256,
    name,
    seq(utcTime(new Date(now - 24 * 3600 * 1000)), utcTime(new Date(now + 365 * 24 * 3600 * 1000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, extensions),
  );
  const certificate = seq(tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), sign('sha256', tbs, privateKey)));
  const pem = `-----BEGIN CERTIFICATE-----\n${certificate.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: pem };
}

// DER: tag, length, contents (X.690).
function der(tag, ...parts) {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}
function seq(...parts) {
  return der(0x30, ...parts);
}
function set(...parts) {
  return der(0x31, ...parts);
}
function oid(dotted) {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (let n of rest) {
    const base128 = [n & 0x7f];
    while ((n >>= 7)) base128.unshift(0x80 | (n & 0x7f));
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}
function utcTime(date) {
  // YYMMDDHHMMSSZ; fine until 2050, when X.509 switches to GeneralizedTime.
  return der(0x17, Buffer.from(`${date.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`));
}
