import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { createApp } from '../../../src/core/app/create-app.ts';
import type { Platform } from '../../../src/core/app/platform.ts';
import { Group } from '../../../src/core/group/group.ts';
import type { MemberLink } from '../../../src/core/group/member-link.ts';
import { LinkedPeerConnection } from '../../helpers/linked-peer-connection.ts';
import { MemoryReceivedFiles, memorySettingsStore } from '../../helpers/node-platform.ts';
import { code } from '../../helpers/session-peers.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };

let groups: Group[] = [];
afterEach(() => {
  for (const group of groups) group.leave();
  groups = [];
});

/** A device's platform over in-memory linked connections (real descriptions, the real codec), with short gathering and timeouts. */
export function memoryPlatform(): Platform {
  return {
    createPeerConnection: () => new LinkedPeerConnection(chromium) as unknown as RTCPeerConnection,
    settingsStore: memorySettingsStore({ iceServers: [], gatherCapMs: 50, gatherQuietMs: 10, connectTimeoutMs: 2_000, answerTimeoutMs: 2_000 }),
    receivedFiles: new MemoryReceivedFiles(),
  };
}

/** One device's group over in-memory linked connections. */
export function device(name: string, id = `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`): Group {
  const group = new Group({
    self: { id, name },
    createApp: (feature) => createApp(memoryPlatform(), { features: [feature] }),
    gatherCapMs: 50,
  });
  groups.push(group);
  return group;
}

/** "Add a device" on both, and the codes carried by hand between the two new links. */
export async function linkByHand(a: Group, b: Group): Promise<[MemberLink, MemberLink]> {
  const [toB, toA] = [a.addDevice()!, b.addDevice()!];
  await toB.app.session.createOffer();
  const answered = await toA.app.session.acceptBlob(code(toB.app.session));
  if (!answered.ok) throw new Error(JSON.stringify(answered.error));
  const accepted = await toB.app.session.acceptBlob(code(toA.app.session));
  if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
  return [toB, toA];
}

/** The names of the members this group holds a working link to, sorted. */
export function linkedNames(group: Group): string[] {
  return group.linkedMembers().map((member) => member.card!.name).sort();
}

export async function eventually(done: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}
