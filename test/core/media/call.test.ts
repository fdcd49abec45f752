import { afterAll, describe, expect, test, vi } from 'vitest';
import type { CallMessage, MediaState } from '../../../src/core/media/call-messages.ts';
import { Call } from '../../../src/core/media/call.ts';
import { fakeOf, FakeMediaDevices, FakeStream } from '../../helpers/fake-media.ts';
import { linkedCalls } from '../../helpers/model-call-link.ts';
import { ModelPeer } from '../../helpers/model-peer.ts';

// Node has no MediaStream; Call makes its preview and remote streams with the global one.
vi.stubGlobal('MediaStream', FakeStream);
afterAll(() => vi.unstubAllGlobals());

const NOTHING: MediaState = { audio: false, video: false, screen: false };
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One Call on a ModelPeer that nobody answers: enough for what one side does on its own. */
function alone(cameras?: ConstructorParameters<typeof FakeMediaDevices>[0]) {
  const peer = new ModelPeer(nextTask);
  const media = new FakeMediaDevices(cameras);
  const sent: CallMessage[] = [];
  const call = new Call(peer, media, (message) => sent.push(message));
  const changes = { count: 0 };
  call.addEventListener('change', () => changes.count++);
  return { peer, media, sent, call, changes };
}

/** [kind, direction, label of the track being sent] for each transceiver. */
function sending(peer: ModelPeer) {
  return peer.getTransceivers().map((t) => [t.kind, t.direction, fakeOf(t.sender.track)?.label ?? null]);
}

function lastAnnounced(sent: readonly CallMessage[]) {
  return sent.filter((message) => message.type === 'media-state').at(-1);
}

function labels(stream: MediaStream | undefined) {
  return stream?.getTracks().map((track) => track.label);
}

describe('Call on its own', () => {
  test('start: camera and microphone on one sendrecv transceiver each, and the state is announced', async () => {
    const { peer, media, sent, call, changes } = alone();
    await call.start();
    expect(media.requests).toEqual([{ audio: true, video: { facingMode: 'user' } }]);
    expect(sending(peer)).toEqual([
      ['audio', 'sendrecv', 'microphone'],
      ['video', 'sendrecv', 'front'],
    ]);
    expect([call.live, call.muted, call.cameraOff]).toEqual([true, false, false]);
    expect(call.local).toEqual({ audio: true, video: true, screen: false });
    expect(lastAnnounced(sent)).toEqual({ type: 'media-state', audio: true, video: true, screen: false });
    expect(labels(call.localStream)).toEqual(['microphone', 'front']);
    expect(changes.count).toBeGreaterThan(0);
    await call.start();
    expect(media.requests).toHaveLength(1);
  });

  test('mute and camera off send nothing instead of the track, and back, without renegotiating', async () => {
    const { peer, media, sent, call } = alone();
    await call.start();
    await nextTask();
    const negotiations = peer.negotiationsNeeded;
    await call.setMuted(true);
    await call.setCameraOff(true);
    expect(sending(peer).map(([, , label]) => label)).toEqual([null, null]);
    expect([call.muted, call.cameraOff]).toEqual([true, true]);
    expect(lastAnnounced(sent)).toEqual({ type: 'media-state', audio: false, video: false, screen: false });
    expect(media.tracks.every((track) => track.readyState === 'live')).toBe(true);
    await call.setMuted(false);
    await call.setCameraOff(false);
    expect(sending(peer).map(([, , label]) => label)).toEqual(['microphone', 'front']);
    expect(lastAnnounced(sent)).toEqual({ type: 'media-state', audio: true, video: true, screen: false });
    await nextTask();
    expect(peer.negotiationsNeeded).toBe(negotiations);
  });

  test('share screen sends the screen; when the browser ends it, the camera comes back', async () => {
    const { peer, media, sent, call } = alone();
    await call.start();
    await call.shareScreen();
    expect(media.requests.at(-1)).toEqual({ video: true, audio: false });
    expect(sending(peer)[1]).toEqual(['video', 'sendrecv', 'screen']);
    expect(labels(call.localStream)).toEqual(['microphone', 'screen']);
    expect(lastAnnounced(sent)).toEqual({ type: 'media-state', audio: true, video: true, screen: true });
    const screen = media.tracks.find((track) => track.label === 'screen')!;
    screen.end();
    await vi.waitFor(() => expect(sending(peer)[1]).toEqual(['video', 'sendrecv', 'front']));
    expect(call.local.screen).toBe(false);
    expect(labels(call.localStream)).toEqual(['microphone', 'front']);
  });

  test('Stop sharing stops the screen track; with the camera off, sharing sends nothing', async () => {
    const { peer, media, call } = alone();
    await call.start();
    await call.setCameraOff(true);
    await call.shareScreen();
    expect(sending(peer)[1]![2]).toBeNull();
    expect(call.local).toEqual({ audio: true, video: false, screen: true });
    await call.stopSharing();
    expect(media.tracks.find((track) => track.label === 'screen')!.readyState).toBe('ended');
    expect(call.local.screen).toBe(false);
  });

  test('switch camera cycles through the cameras and stops the one it leaves', async () => {
    const { peer, media, call } = alone([{ deviceId: 'front' }, { deviceId: 'back' }]);
    await call.start();
    await call.switchCamera();
    expect(media.requests.at(-1)).toEqual({ video: { deviceId: { exact: 'back' } } });
    expect(sending(peer)[1]).toEqual(['video', 'sendrecv', 'back']);
    expect(labels(call.localStream)).toEqual(['microphone', 'back']);
    expect(media.tracks.find((track) => track.label === 'front')!.readyState).toBe('ended');
    await call.switchCamera();
    expect(sending(peer)[1]![2]).toBe('front');
  });

  test('switch camera with one camera does nothing', async () => {
    const { media, call } = alone();
    await call.start();
    await call.switchCamera();
    expect(media.requests).toHaveLength(1);
  });

  test('hang up tells the peer, stops every track and stops sending, keeping the transceivers', async () => {
    const { peer, media, sent, call } = alone();
    await call.start();
    await call.shareScreen();
    await call.hangUp();
    expect(sent.filter((message) => message.type === 'hang-up')).toHaveLength(1);
    expect(lastAnnounced(sent)).toEqual({ type: 'media-state', ...NOTHING });
    expect(media.tracks.map((track) => track.readyState)).toEqual(['ended', 'ended', 'ended']);
    expect(sending(peer)).toEqual([
      ['audio', 'recvonly', null],
      ['video', 'recvonly', null],
    ]);
    expect([call.live, call.localStream]).toEqual([false, undefined]);
  });

  test('a new call after hanging up reuses both transceivers', async () => {
    const { peer, media, call } = alone();
    await call.start();
    await call.hangUp();
    await call.start();
    expect(media.requests).toHaveLength(2);
    expect(sending(peer)).toEqual([
      ['audio', 'sendrecv', 'microphone'],
      ['video', 'sendrecv', 'front'],
    ]);
    expect(fakeOf(peer.getTransceivers()[0]!.sender.track)).toBe(media.tracks[2]);
  });

  test("the peer's media state is kept as it says, and listeners hear of it", async () => {
    const { call, changes } = alone();
    call.handleRemote({ type: 'media-state', audio: true, video: false, screen: true });
    expect(call.remote).toEqual({ audio: true, video: false, screen: true });
    expect(changes.count).toBe(1);
  });

  test("the peer's hang-up ends the call here, without sending hang-up back", async () => {
    const { sent, call, media } = alone();
    await call.start();
    call.handleRemote({ type: 'media-state', audio: true, video: true, screen: false });
    call.handleRemote({ type: 'hang-up' });
    expect(call.remote).toEqual(NOTHING);
    await vi.waitFor(() => expect(call.live).toBe(false));
    expect(sent.some((message) => message.type === 'hang-up')).toBe(false);
    expect(media.tracks.every((track) => track.readyState === 'ended')).toBe(true);
  });

  test('dispose stops every track and sends nothing: the channel is gone', async () => {
    const { sent, call, media } = alone();
    await call.start();
    await call.shareScreen();
    const before = sent.length;
    call.dispose();
    expect(media.tracks.map((track) => track.readyState)).toEqual(['ended', 'ended', 'ended']);
    expect(call.live).toBe(false);
    expect(sent).toHaveLength(before);
  });

  test('a refused camera leaves the call not live, with nothing added or announced', async () => {
    const { peer, media, sent, call } = alone();
    media.refuseNext = new DOMException('Permission denied', 'NotAllowedError');
    await expect(call.start()).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect([call.live, call.localStream]).toEqual([false, undefined]);
    expect(peer.getTransceivers()).toEqual([]);
    expect(sent).toEqual([]);
    await call.setMuted(true);
    await call.shareScreen();
    expect(call.muted).toBe(false);
    expect(media.requests).toHaveLength(1);
  });
});

const kinds = (stream: MediaStream) => stream.getTracks().map((track) => track.kind);

describe('two Calls negotiating over the JSEP model', () => {
  test('each side sees the other; mute renegotiates nothing; hang-up and a new call keep two transceivers', async () => {
    const { a, b, offers, quiet } = linkedCalls();
    await a.call.start();
    await quiet();
    expect(kinds(b.call.remoteStream)).toEqual(['audio', 'video']);
    expect(b.call.remote).toEqual({ audio: true, video: true, screen: false });
    expect(b.peer.getTransceivers().map((t) => t.currentDirection)).toEqual(['recvonly', 'recvonly']);

    await b.call.start();
    await quiet();
    expect(b.peer.getTransceivers()).toHaveLength(2);
    expect(kinds(a.call.remoteStream)).toEqual(['audio', 'video']);
    expect(a.peer.getTransceivers().map((t) => t.currentDirection)).toEqual(['sendrecv', 'sendrecv']);

    const offersBeforeMute = offers.count;
    await a.call.setMuted(true);
    await quiet();
    expect(offers.count).toBe(offersBeforeMute);
    expect(b.call.remote.audio).toBe(false);

    await a.call.hangUp();
    await quiet();
    expect(b.call.live).toBe(false);
    expect([a.call.remote, b.call.remote]).toEqual([NOTHING, NOTHING]);
    for (const side of [a, b]) expect(side.peer.getTransceivers().map((t) => t.currentDirection)).toEqual(['inactive', 'inactive']);

    await a.call.start();
    await quiet();
    expect(a.peer.getTransceivers()).toHaveLength(2);
    expect(b.call.remote).toEqual({ audio: true, video: true, screen: false });
    expect(kinds(b.call.remoteStream)).toEqual(['audio', 'video']);
  });

  test('both press Start video at once: the polite side yields, and both see each other', async () => {
    const { a, b, quiet } = linkedCalls();
    await Promise.all([a.call.start(), b.call.start()]);
    await quiet();
    expect(kinds(a.call.remoteStream)).toEqual(['audio', 'video']);
    expect(kinds(b.call.remoteStream)).toEqual(['audio', 'video']);
    expect([a.call.remote, b.call.remote]).toEqual([
      { audio: true, video: true, screen: false },
      { audio: true, video: true, screen: false },
    ]);
  });
});
