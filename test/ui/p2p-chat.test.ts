// @vitest-environment happy-dom
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import type { UncheckedMessage } from '../../src/core/channel/control-messages.ts';
import { ChatFeature, type ChatEntry, type ChatHistory } from '../../src/core/chat/chat-feature.ts';
import { CHAT_HISTORY_CAP, CHAT_PEER_BURST } from '../../src/core/chat/chat-limits.ts';
import { TypedEventTarget } from '../../src/core/events/typed-event-target.ts';
import type { FeatureLink } from '../../src/core/session/feature.ts';
import '../../src/ui/components/p2p-chat.ts';
import type { P2pChat } from '../../src/ui/components/p2p-chat.ts';
import { allByRole, button, getByRole, mount, recordEvents, settled, type, visibleText } from './mount.ts';

const AT = Date.UTC(2025, 0, 1, 12, 0, 0);
const entries: ChatEntry[] = [
  { id: '1', from: 'mine', text: 'hello there', at: AT },
  { id: '1', from: 'theirs', text: 'hi back', at: AT + 1000 },
];

/** A history that only shows what it is given. */
class FixedHistory extends TypedEventTarget<{ change: Event }> implements ChatHistory {
  removed = 0;
  refused = 0;
  constructor(public entries: readonly ChatEntry[]) {
    super();
  }
  changed(): void {
    this.notify('change');
  }
}

const history = (list: readonly ChatEntry[]) => ({ chat: new FixedHistory(list) });

/** A real chat on a link that goes nowhere, fed as a peer would. */
function liveChat(): ChatFeature {
  const chat = new ChatFeature();
  chat.attach({ pc: {} as RTCPeerConnection, polite: false, connected: () => true, send: () => true } satisfies FeatureLink);
  return chat;
}
let sequence = 0;
const fromPeer = (text: string): UncheckedMessage => ({ type: 'chat', id: `p${++sequence}`, text, sentAt: 1 });

/** Animation frames run only when the test says so. */
function manualFrames(): () => void {
  const waiting = new Map<number, FrameRequestCallback>();
  let next = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (waiting.set(++next, callback), next));
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => waiting.delete(handle));
  onTestFinished(() => void vi.unstubAllGlobals());
  return () => {
    const callbacks = [...waiting.values()];
    waiting.clear();
    for (const callback of callbacks) callback(performance.now());
  };
}

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

function countUpdates(chat: P2pChat): { count: number } {
  const counter = { count: 0 };
  const updated = chat['updated'].bind(chat);
  Object.assign(chat, { updated: () => (counter.count++, updated()) });
  return counter;
}

function compose(chat: HTMLElement, text: string): void {
  type(getByRole(chat, 'textbox', 'Message') as HTMLInputElement, text);
  button(chat, 'Send').click();
}

describe('p2p-chat', () => {
  test('an empty log says so, and the composer is ready', async () => {
    const chat = await mount('p2p-chat');
    expect(visibleText(getByRole(chat, 'log', 'Chat messages'))).toBe('No messages yet.');
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(false);
    expect(button(chat, 'Send').disabled).toBe(false);
  });

  test('lists each message with who sent it, in order', async () => {
    const chat = await mount('p2p-chat', history(entries));
    const items = allByRole(getByRole(chat, 'log', 'Chat messages'), 'listitem').map(visibleText);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^You · .+ hello there$/);
    expect(items[1]).toMatch(/^Them · .+ hi back$/);
    expect(visibleText(chat)).not.toContain('No messages yet.');
  });

  test('an own message not sent yet says so; sent and delivered ones carry no mark', async () => {
    const pending: ChatEntry[] = [
      { id: 'a', from: 'mine', text: 'queued one', at: AT, delivery: 'queued' },
      { id: 'b', from: 'mine', text: 'on its way', at: AT, delivery: 'sent' },
      { id: 'c', from: 'mine', text: 'arrived', at: AT, delivery: 'delivered' },
    ];
    const chat = await mount('p2p-chat', history(pending));
    const items = allByRole(getByRole(chat, 'log', 'Chat messages'), 'listitem').map(visibleText);
    expect(items[0]).toMatch(/^You · .+ · not sent yet queued one$/);
    expect(items.slice(1).some((item) => item.includes('not sent yet'))).toBe(false);
  });

  test('Send fires p2p-chat-send with the typed text and empties the box', async () => {
    const sent = recordEvents('p2p-chat-send');
    const chat = await mount('p2p-chat');
    compose(chat, 'see you at 5');
    expect(sent).toEqual([{ text: 'see you at 5' }]);
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).value).toBe('');
  });

  test('blank text is not sent', async () => {
    const sent = recordEvents('p2p-chat-send');
    const chat = await mount('p2p-chat');
    compose(chat, '   ');
    expect(sent).toEqual([]);
  });

  test('a change of the chat re-renders the log', async () => {
    const chat = new FixedHistory(entries.slice(0, 1));
    const element = await mount('p2p-chat', { chat });
    chat.entries = entries;
    chat.changed();
    await new Promise((resolve) => setTimeout(resolve, 300)); // a frame, or the hidden-tab fallback
    await settled(element);
    expect(allByRole(element, 'listitem').map(visibleText).at(-1)).toMatch(/hi back$/);
  });

  test('many messages arriving in separate tasks within one frame render once, in that frame', async () => {
    const runFrame = manualFrames();
    const chat = liveChat();
    const element = await mount('p2p-chat', { chat });
    const updates = countUpdates(element);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the hidden-tab fallback waits
    for (let n = 0; n < 40; n++) {
      chat.handle(fromPeer(`burst ${n}`));
      await nextTask(); // each its own task, as data channel messages arrive
    }
    vi.useRealTimers();
    expect(updates.count).toBe(0);
    expect(allByRole(element, 'listitem')).toHaveLength(0);
    runFrame();
    await settled(element);
    expect(updates.count).toBe(1);
    expect(allByRole(element, 'listitem')).toHaveLength(40);
  });

  test('entries already shown stay the same elements when more arrive', async () => {
    const runFrame = manualFrames();
    const chat = liveChat();
    const element = await mount('p2p-chat', { chat });
    chat.handle(fromPeer('first'));
    runFrame();
    await settled(element);
    const [first] = allByRole(element, 'listitem');
    chat.handle(fromPeer('second'));
    runFrame();
    await settled(element);
    const items = allByRole(element, 'listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toBe(first);
  });

  test('past the cap: the newest entries and a marker that counts the removed ones', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const chat = liveChat();
    for (let n = 0; n < CHAT_HISTORY_CAP + 7; n++) {
      vi.advanceTimersByTime(100); // slow enough for the rate limit
      chat.handle(fromPeer(`m${n}`));
    }
    vi.useRealTimers();
    const element = await mount('p2p-chat', { chat });
    const log = getByRole(element, 'log', 'Chat messages');
    expect(allByRole(log, 'listitem')).toHaveLength(CHAT_HISTORY_CAP);
    expect(visibleText(log)).toContain('Older messages removed: 7');
    expect(visibleText(allByRole(log, 'listitem')[0]!)).toMatch(/ m7$/);
    expect(visibleText(log)).not.toContain('too fast');
  });

  test('a flooding peer: one notice in plain words with how many were not shown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // all in the same instant
    onTestFinished(() => void vi.useRealTimers());
    const chat = liveChat();
    for (let n = 0; n < CHAT_PEER_BURST + 30; n++) chat.handle(fromPeer(`flood ${n}`));
    const element = await mount('p2p-chat', { chat });
    const text = visibleText(getByRole(element, 'log', 'Chat messages'));
    expect(text).toContain('The other device is sending messages too fast; some were not shown (30).');
    expect(text.match(/too fast/g)).toHaveLength(1);
    expect(allByRole(element, 'listitem')).toHaveLength(CHAT_PEER_BURST);
  });

  test('markup in a message is shown as text, never made into elements', async () => {
    const chat = liveChat();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    chat.handle(fromPeer(payload));
    const element = await mount('p2p-chat', { chat });
    expect(visibleText(allByRole(element, 'listitem')[0]!)).toContain(payload);
    expect(element.shadowRoot!.querySelectorAll('img, script')).toHaveLength(0);
  });

  test('disabled: neither the box nor Send can be used', async () => {
    const chat = await mount('p2p-chat', { disabled: true });
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(true);
    expect(button(chat, 'Send').disabled).toBe(true);
  });
});
