import { PeerPage } from './peer-page.ts';

/** Types this device's display name in the group section, as a user does (change on Enter). */
export async function rename(peer: PeerPage, name: string): Promise<void> {
  const box = peer.page.getByRole('textbox', { name: 'Your name', exact: true });
  await box.fill(name);
  await box.press('Enter');
}

/** A member adds one more device by hand: its code to the newcomer's paste box, the newcomer's answer back. */
export async function addDevice(member: PeerPage, newcomer: PeerPage): Promise<void> {
  await member.button('Add a device').click();
  await member.button('Create a code for the new device').click();
  const code = member.page.getByRole('textbox', { name: 'Code for the new device', exact: true });
  await code.waitFor();
  await newcomer.paste(await code.inputValue());
  await member.page.getByRole('textbox', { name: 'Answer from the new device', exact: true }).fill(await newcomer.readBlob('Answer'));
  await member.button('Add').click();
  await newcomer.waitForStatus('Connected');
}
