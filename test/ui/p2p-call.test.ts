// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-call.ts';
import { FakeCall } from './fake-call.ts';
import { allByRole, button, buttonNames, getByRole, mount, recordProblems, settled, visibleText } from './mount.ts';

const IN_CALL = ['Mute', 'Camera off', 'Share screen', 'Switch camera', 'Hang up', 'Full screen'];

async function mountCall(call = new FakeCall()) {
  const element = await mount('p2p-call', { call: call.asCall });
  return { call, element };
}

async function press(element: HTMLElement, name: string): Promise<void> {
  button(element, name).click();
  await settled(element);
}

const pressed = (element: HTMLElement, name: string) => button(element, name).getAttribute('aria-pressed');
const video = (element: HTMLElement, name: string) => getByRole(element, 'video', name) as HTMLVideoElement;

describe('p2p-call', () => {
  test('without a call it shows nothing', async () => {
    const element = await mount('p2p-call');
    expect(buttonNames(element)).toEqual([]);
  });

  test('before the call: only Start video, and no video', async () => {
    const { element } = await mountCall();
    expect(buttonNames(element)).toEqual(['Start video']);
    expect(allByRole(element, 'video')).toEqual([]);
  });

  test('Start video starts the call; the controls and both videos appear', async () => {
    const { call, element } = await mountCall();
    await press(element, 'Start video');
    expect(call.requests).toEqual(['start']);
    expect(buttonNames(element)).toEqual(IN_CALL);
    expect(video(element, 'Your camera').srcObject).toBe(call.localStream);
    expect(video(element, 'Video from the other device').srcObject).toBe(call.remoteStream);
    expect(visibleText(element)).toContain('The other device sends no video.');
  });

  test('while the link is interrupted the picture is said to be paused, and the note goes when it is back', async () => {
    const { element } = await mountCall();
    await press(element, 'Start video');
    element.frozen = true;
    await settled(element);
    expect(visibleText(element)).toContain('Paused: the link is interrupted.');
    element.frozen = false;
    await settled(element);
    expect(visibleText(element)).not.toContain('Paused');
  });

  test('Mute and Camera off keep their names and report their state with aria-pressed', async () => {
    const { call, element } = await mountCall();
    await press(element, 'Start video');
    expect([pressed(element, 'Mute'), pressed(element, 'Camera off')]).toEqual(['false', 'false']);
    await press(element, 'Mute');
    await press(element, 'Camera off');
    expect(call.requests.slice(1)).toEqual(['setMuted true', 'setCameraOff true']);
    expect([pressed(element, 'Mute'), pressed(element, 'Camera off')]).toEqual(['true', 'true']);
    await press(element, 'Mute');
    expect(call.requests.at(-1)).toBe('setMuted false');
    expect(pressed(element, 'Mute')).toBe('false');
  });

  test('Share screen shares, and pressed again stops sharing', async () => {
    const { call, element } = await mountCall();
    await press(element, 'Start video');
    await press(element, 'Share screen');
    expect(pressed(element, 'Share screen')).toBe('true');
    await press(element, 'Share screen');
    expect(call.requests.slice(1)).toEqual(['shareScreen', 'stopSharing']);
    expect(pressed(element, 'Share screen')).toBe('false');
  });

  test('Switch camera and Hang up; after hanging up, Start video is back', async () => {
    const { call, element } = await mountCall();
    await press(element, 'Start video');
    await press(element, 'Switch camera');
    await press(element, 'Hang up');
    expect(call.requests).toEqual(['start', 'switchCamera', 'hangUp']);
    expect(buttonNames(element)).toEqual(['Start video']);
  });

  test("the other device's state re-renders the note when the call fires change", async () => {
    const { call, element } = await mountCall();
    call.peerSends({ audio: true, video: true });
    await settled(element);
    // They send before we do: their video shows, with Full screen, and we can still start ours.
    expect(buttonNames(element)).toEqual(['Start video', 'Full screen']);
    expect(video(element, 'Video from the other device').srcObject).toBe(call.remoteStream);
    expect(visibleText(element)).not.toMatch(/muted|camera is off|sends no video/);
    call.peerSends({ video: true, screen: true });
    await settled(element);
    expect(visibleText(element)).toContain('They are muted. They are sharing their screen.');
    call.peerSends({ audio: true });
    await settled(element);
    expect(visibleText(element)).toContain('Their camera is off.');
  });

  test.each([
    ['NotAllowedError', 'Camera, microphone or screen access was denied. Allow it in the browser’s site settings.'],
    ['NotFoundError', 'No camera or microphone was found on this device.'],
    ['NotReadableError', 'The camera or microphone is in use by another app.'],
    ['InvalidStateError', 'The media could not be started (the device gave up).'],
  ])('a refused %s is reported as a problem, and the call stays as it was', async (name, message) => {
    const problems = recordProblems();
    const { call, element } = await mountCall();
    call.refuseNext = new DOMException('the device gave up', name);
    await press(element, 'Start video');
    expect(problems).toEqual([message]);
    expect(buttonNames(element)).toEqual(['Start video']);
  });

  test('Full screen asks for the video stage to fill the screen', async () => {
    const { element } = await mountCall();
    await press(element, 'Start video');
    const stage = video(element, 'Video from the other device').parentElement!;
    const requestFullscreen = vi.fn(async () => {});
    Object.assign(stage, { requestFullscreen });
    await press(element, 'Full screen');
    expect(requestFullscreen).toHaveBeenCalledOnce();
  });
});
