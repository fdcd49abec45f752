import { describe, expect, it } from 'vitest';
import { GroupChat } from '../../../src/core/group/group-chat.ts';
import { device, eventually, linkByHand, linkedNames } from './group-devices.ts';

describe('the group chat', () => {
  it('a message typed once reaches every member with its author, and reads delivered once all have it', async () => {
    const [a, b, c] = [device('A'), device('B'), device('C')];
    const chats = [a, b, c].map((group) => new GroupChat(group));
    await linkByHand(a, b);
    await linkByHand(a, c);
    await eventually(() => linkedNames(b).length === 2 && linkedNames(c).length === 2, 'a mesh of 3');
    const sent = chats[1]!.send('hello all, from B');
    expect(sent.ok).toBe(true);
    await eventually(() => chats[1]!.entries[0]?.delivery === 'delivered', 'delivered to A and C');
    for (const chat of [chats[0]!, chats[2]!]) {
      expect(chat.entries.map((entry) => [entry.from, entry.author, entry.text])).toEqual([['theirs', 'B', 'hello all, from B']]);
    }
    expect(chats[1]!.entries).toHaveLength(1);
  });

  it('between two devices it is that link’s chat: no author, nothing doubled', async () => {
    const [a, b] = [device('A'), device('B')];
    const [chatA, chatB] = [new GroupChat(a), new GroupChat(b)];
    await linkByHand(a, b);
    await eventually(() => linkedNames(a).length === 1 && linkedNames(b).length === 1, 'A–B');
    chatA.send('hi');
    await eventually(() => chatB.entries.length === 1, 'B has it');
    expect(chatB.entries[0]).toMatchObject({ from: 'theirs', text: 'hi' });
    expect(chatB.entries[0]!.author).toBeUndefined();
    expect(chatA.send('   ')).toEqual({ ok: false, error: 'empty' });
  });
});
