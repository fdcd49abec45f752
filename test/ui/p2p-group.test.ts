// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupApp } from '../../src/core/group/group-app.ts';
import '../../src/ui/group/p2p-group.ts';
import { LinkedPeerConnection } from '../helpers/linked-peer-connection.ts';
import { MemoryReceivedFiles, memorySettingsStore } from '../helpers/node-platform.ts';
import { useFakeCanvas } from './fake-canvas.ts';
import { button, getByRole, mount, settled, type, visibleText } from './mount.ts';

const capture = (name: string) => readFileSync(join(import.meta.dirname, `../fixtures/sdp/${name}.sdp`), 'utf8');
const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };

useFakeCanvas();
const groups: GroupApp[] = [];
afterEach(() => {
  for (const group of groups.splice(0)) group.restart();
});

function groupApp(name: string): GroupApp {
  let saved: string | null = name;
  const app = new GroupApp(
    {
      createPeerConnection: () => new LinkedPeerConnection(chromium) as unknown as RTCPeerConnection,
      settingsStore: memorySettingsStore({ iceServers: [], gatherCapMs: 50, gatherQuietMs: 10 }),
      receivedFiles: new MemoryReceivedFiles(),
    },
    { load: () => saved, save: (next) => void (saved = next) },
    '',
  );
  groups.push(app);
  return app;
}

describe('p2p-group', () => {
  it('adds a device by hand: its code, the answer pasted back, then it is on the roster by name', async () => {
    const [ann, bo] = [groupApp('Ann'), groupApp('Bo')];
    const element = await mount('p2p-group', { groupApp: ann });
    expect((getByRole(element, 'textbox', 'Your name') as HTMLInputElement).value).toBe('Ann');
    button(element, 'Add a device').click();
    await settled(element);
    const invite = element.shadowRoot!.querySelector('p2p-member-invite')!;
    button(invite, 'Create a code for the new device').click();
    await vi.waitFor(() => expect((getByRole(invite, 'textbox', 'Code for the new device') as HTMLTextAreaElement).value).not.toBe(''));
    const offer = (getByRole(invite, 'textbox', 'Code for the new device') as HTMLTextAreaElement).value;
    expect((await bo.primary.app.session.acceptBlob(offer)).ok).toBe(true);
    await vi.waitFor(() => expect(bo.primary.app.session.state.phase).toBe('connecting'));
    const answer = (bo.primary.app.session.state as { answer: string }).answer;
    type(getByRole(invite, 'textbox', 'Answer from the new device') as HTMLTextAreaElement, answer);
    button(invite, 'Add').click();
    await vi.waitFor(() => expect(visibleText(getByRole(element, 'list', 'Members'))).toMatch(/Bo — Connected directly — code \d{3} \d{3}/));
    await settled(element);
    expect(element.shadowRoot!.querySelector('p2p-member-invite')).toBeNull();
  });

  it('a name typed is kept, shown to the others, and cleaned of control characters', async () => {
    const ann = groupApp('');
    const element = await mount('p2p-group', { groupApp: ann });
    const box = getByRole(element, 'textbox', 'Your name') as HTMLInputElement;
    type(box, '  Ann\u202E  Lee ', { change: true });
    expect(ann.displayName).toBe('Ann Lee');
    expect(ann.group.self.name).toBe('Ann Lee');
  });
});
