/**
 * 128 random bits as 32 hex digits. Not crypto.randomUUID(): that exists only in secure contexts,
 * and the page also runs from plain http on a LAN address; getRandomValues runs everywhere.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
