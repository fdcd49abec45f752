// @vitest-environment happy-dom
import { browserMedia } from '../../src/platform/browser-media.ts';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-qr-code.ts';
import '../../src/ui/components/p2p-scanner.ts';
import { FakeMediaDevices } from '../helpers/fake-media.ts';
import { FakeBitmap, useFakeCanvas, pixelsOf } from './fake-canvas.ts';
import { button, buttonNames, getByRole, mount, recordEvents, recordProblems, settled } from './mount.ts';

const LINK = 'https://p2p.example/#P2P1OFFER6Z5Q0F3K8M2N7B4V9C1X6Z5Q0F3K8M2N7B4V9C1';
const NO_CODE = 'No QR code was found in that image. Try a sharper, closer picture, or paste the text instead.';

/** The pictures that createImageBitmap can decode; any other file is not an image. */
const pictures = new Map<Blob, FakeBitmap>();

function setPlatform(secure: boolean, devices?: FakeMediaDevices): void {
  Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
}

/** happy-dom's MediaStream lacks getTracks(), which the camera controller uses to stop the camera. */
class MediaStreamWithTracks extends MediaStream {
  override getTracks(): MediaStreamTrack[] {
    return [...this.getAudioTracks(), ...this.getVideoTracks()];
  }
}

useFakeCanvas();

beforeEach(() => {
  vi.stubGlobal('MediaStream', MediaStreamWithTracks);
  vi.stubGlobal('createImageBitmap', async (file: Blob) => {
    const picture = pictures.get(file);
    if (!picture) throw new DOMException('not an image', 'InvalidStateError');
    return picture;
  });
});

afterEach(() => {
  pictures.clear();
  Reflect.deleteProperty(window, 'isSecureContext');
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

/** A screenshot of a QR code as this page draws it. */
async function screenshotOf(text: string): Promise<File> {
  const code = await mount('p2p-qr-code', { text });
  const file = new File(['png bytes'], 'screenshot.png', { type: 'image/png' });
  pictures.set(file, pixelsOf(getByRole(code, 'img') as HTMLCanvasElement));
  code.remove();
  return file;
}

function blankPicture(): File {
  const file = new File(['png bytes'], 'wall.png', { type: 'image/png' });
  pictures.set(file, new FakeBitmap(new Uint8ClampedArray(200 * 200 * 4).fill(255), 200, 200));
  return file;
}

async function chooseImage(scanner: HTMLElement, file: File): Promise<void> {
  const picker = scanner.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(picker, 'files', { value: [file], configurable: true });
  picker.dispatchEvent(new Event('change'));
}

async function press(element: HTMLElement, name: string): Promise<void> {
  button(element, name).click();
  await settled(element);
}

describe('p2p-scanner: the camera', () => {
  test('ready: Scan and Choose image, no preview', async () => {
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    expect(buttonNames(scanner)).toEqual(['Scan', 'Choose image']);
  });

  test('disabled: neither can be pressed', async () => {
    const scanner = await mount('p2p-scanner', { disabled: true, media: browserMedia });
    expect([button(scanner, 'Scan').disabled, button(scanner, 'Choose image').disabled]).toEqual([true, true]);
  });

  test('on an insecure page, Scan explains that the camera needs https', async () => {
    const problems = recordProblems();
    const devices = new FakeMediaDevices();
    setPlatform(false, devices);
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await press(scanner, 'Scan');
    expect(problems).toEqual([
      'The camera only works on a secure page (https:// or localhost). Paste the code instead, or choose an image of the QR code.',
    ]);
    expect(devices.requests).toEqual([]);
  });

  test.each([
    ['NotAllowedError', 'Camera access was denied. Allow it in the browser’s site settings, or paste the code, or choose an image of the QR code.'],
    ['NotReadableError', 'The camera is in use by another app. Close it and press Scan again, or paste the code instead.'],
  ])('a camera refused with %s is explained, and Scan stays', async (name, message) => {
    const problems = recordProblems();
    const devices = new FakeMediaDevices();
    devices.refuseNext = new DOMException('refused', name);
    setPlatform(true, devices);
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await press(scanner, 'Scan');
    expect(problems).toEqual([message]);
    expect(buttonNames(scanner)).toEqual(['Scan', 'Choose image']);
  });

  test('Scan opens the rear camera into a preview; Stop scanning ends it', async () => {
    const devices = new FakeMediaDevices();
    setPlatform(true, devices);
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await press(scanner, 'Scan');
    expect(devices.requests).toEqual([
      { video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false },
    ]);
    expect(buttonNames(scanner)).toEqual(['Stop scanning', 'Choose image']);
    const preview = getByRole(scanner, 'video', 'Camera preview') as HTMLVideoElement;
    expect((preview.srcObject as MediaStream).getTracks()).toEqual([devices.tracks[0]]);
    await press(scanner, 'Stop scanning');
    expect(devices.tracks[0]!.readyState).toBe('ended');
    expect(buttonNames(scanner)).toEqual(['Scan', 'Choose image']);
  });

  test('with two cameras and a torch: Switch camera and Torch', async () => {
    const devices = new FakeMediaDevices([{ deviceId: 'back', torch: true }, { deviceId: 'front' }]);
    setPlatform(true, devices);
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await press(scanner, 'Scan');
    expect(buttonNames(scanner)).toEqual(['Stop scanning', 'Choose image', 'Switch camera', 'Torch']);
    expect(button(scanner, 'Torch').getAttribute('aria-pressed')).toBe('false');
    await press(scanner, 'Torch');
    expect(devices.tracks[0]!.appliedConstraints).toEqual([{ advanced: [{ torch: true }] }]);
    expect(button(scanner, 'Torch').getAttribute('aria-pressed')).toBe('true');
    await press(scanner, 'Switch camera');
    expect(devices.requests.at(-1)).toEqual({ video: { deviceId: { exact: 'front' } }, audio: false });
    expect(devices.tracks[0]!.readyState).toBe('ended');
    // The front camera has no torch.
    expect(buttonNames(scanner)).toEqual(['Stop scanning', 'Choose image', 'Switch camera']);
  });

  test('leaving the page stops the camera', async () => {
    const devices = new FakeMediaDevices();
    setPlatform(true, devices);
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await press(scanner, 'Scan');
    scanner.remove();
    expect(devices.tracks[0]!.readyState).toBe('ended');
  });
});

describe('p2p-scanner: images', () => {
  test('Choose image opens the picker; a chosen QR code picture is applied', async () => {
    const submitted = recordEvents('p2p-blob-submit');
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    const picker = scanner.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const open = vi.spyOn(picker, 'click');
    button(scanner, 'Choose image').click();
    expect(open).toHaveBeenCalledOnce();
    const screenshot = await screenshotOf(LINK);
    await chooseImage(scanner, screenshot);
    await vi.waitFor(() => expect(submitted).toEqual([{ text: LINK }]));
    expect(pictures.get(screenshot)!.closed).toBe(true);
  });

  test('a pasted screenshot is applied; a pasted file that is no image is ignored', async () => {
    const submitted = recordEvents('p2p-blob-submit');
    const problems = recordProblems();
    await mount('p2p-scanner', { media: browserMedia });
    const paste = (file: File) => {
      const data = new DataTransfer();
      data.items.add(file);
      document.dispatchEvent(Object.assign(new Event('paste'), { clipboardData: data }));
    };
    paste(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    paste(await screenshotOf(LINK));
    await vi.waitFor(() => expect(submitted).toEqual([{ text: LINK }]));
    expect(problems).toEqual([]);
  });

  test.each([
    ['a picture without a code', blankPicture],
    ['a file the browser cannot decode', () => new File(['%PDF'], 'scan.pdf', { type: 'image/png' })],
  ])('%s: the page says no code was found', async (_, file) => {
    const problems = recordProblems();
    const submitted = recordEvents('p2p-blob-submit');
    const scanner = await mount('p2p-scanner', { media: browserMedia });
    await chooseImage(scanner, file());
    await vi.waitFor(() => expect(problems).toEqual([NO_CODE]));
    expect(submitted).toEqual([]);
  });
});
