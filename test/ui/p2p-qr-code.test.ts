// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-qr-code.ts';
import { decodeQr } from '../../src/core/qr/qr-decode.ts';
import { useFakeCanvas, pixelsOf } from './fake-canvas.ts';
import { allByRole, getByRole, mount, settled, visibleText } from './mount.ts';

const LINK = 'https://p2p.example/app/#P2P1OFFER6Z5Q0F3K8M2N7B4V9C1X6Z5Q0F3K8M2N7B4V9C1X6Z5Q0F3K8M2N7B4V9C1X6Z5Q0F3K8M2N7B4V9C1';
const QUIET_ZONE_MODULES = 4;

useFakeCanvas();

function drawnCode(element: HTMLElement, name: string) {
  const canvas = getByRole(element, 'img', name) as HTMLCanvasElement;
  const modules = 17 + 4 * Number(canvas.dataset['version']) + 2 * QUIET_ZONE_MODULES;
  return { canvas, pixels: pixelsOf(canvas), pxPerModule: canvas.width / modules };
}

describe('p2p-qr-code', () => {
  test('draws the text as a QR code that reads back as the same text', async () => {
    const element = await mount('p2p-qr-code', { text: LINK, label: 'QR code of the offer' });
    const { pixels } = drawnCode(element, 'QR code of the offer');
    expect(decodeQr(pixels)).toBe(LINK);
  });

  test('crisp: whole device pixels per module (at least 4), only black and white, a light quiet zone', async () => {
    const element = await mount('p2p-qr-code', { text: LINK });
    const { canvas, pixels, pxPerModule } = drawnCode(element, 'QR code');
    expect(canvas.height).toBe(canvas.width);
    expect(Number.isInteger(pxPerModule) && pxPerModule >= 4).toBe(true);
    const colours = new Set<number>();
    for (let i = 0; i < pixels.data.length; i += 4) colours.add(pixels.data[i]! + pixels.data[i + 1]! + pixels.data[i + 2]!);
    expect([...colours].sort((a, b) => a - b)).toEqual([0, 765]);
    const quietRows = pixels.data.subarray(0, 4 * canvas.width * QUIET_ZONE_MODULES * pxPerModule);
    expect(quietRows.every((value) => value === 255)).toBe(true);
  });

  test('on a high-density screen it draws device pixels and shows them at CSS size', async () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const element = await mount('p2p-qr-code', { text: LINK });
    const { canvas } = drawnCode(element, 'QR code');
    expect(canvas.style.width).toBe(`${canvas.width / 2}px`);
  });

  test('a higher error correction level needs a larger code', async () => {
    const medium = await mount('p2p-qr-code', { text: LINK, label: 'medium' });
    const high = await mount('p2p-qr-code', { text: LINK, label: 'high', level: 'H' });
    const version = (element: HTMLElement, name: string) => Number(getByRole(element, 'img', name).dataset['version']);
    expect(version(high, 'high')).toBeGreaterThan(version(medium, 'medium'));
    expect(decodeQr(drawnCode(high, 'high').pixels)).toBe(LINK);
  });

  test('new text redraws the code', async () => {
    const element = await mount('p2p-qr-code', { text: LINK });
    element.text = 'https://p2p.example/#OTHER';
    await settled(element);
    expect(decodeQr(drawnCode(element, 'QR code').pixels)).toBe('https://p2p.example/#OTHER');
  });

  test('text too long for any QR code: says so instead', async () => {
    const element = await mount('p2p-qr-code', { text: 'x'.repeat(5000) });
    expect(allByRole(element, 'img')).toEqual([]);
    expect(visibleText(element)).toBe('This code is too long for a QR code; copy the text instead.');
  });
});
