import { msg, str } from '@lit/localize';
import type { IceServerProblem } from '../../core/settings/ice-server-check.ts';
import type { SettingsRefusal } from '../../core/settings/settings-model.ts';

/** What the Settings form says about a server as typed: one sentence per problem core names. */
export function iceServerProblemText(problem: IceServerProblem): string {
  return iceServerProblems()[problem];
}

const iceServerProblems = (): Readonly<Record<IceServerProblem, string>> => ({
  'too-long': msg('This is far too long for a server URL, user name or password.'),
  'bad-scheme': msg('A server URL starts with stun:, stuns:, turn: or turns:.'),
  'bad-host': msg('The server’s name or address is not valid. An IPv6 address goes in brackets, as in stun:[2001:db8::1]:3478.'),
  'bad-port': msg('The port after the colon must be a number from 1 to 65535.'),
  'bad-query': msg('After the address, only a TURN URL may have ?transport=udp or ?transport=tcp.'),
  'missing-username': msg('A TURN server needs a user name.'),
  'missing-password': msg('A TURN server needs a password.'),
});

export const SETTINGS_TEXT = {
  get serverNotUsed() {
    return msg('This server is not used until this is fixed.');
  },
};

/** Why the form's servers were not saved, when every row looked right. */
export function settingsRefusalText(refusal: SettingsRefusal): string {
  if (refusal.kind === 'invalid-server') {
    const n = refusal.index + 1;
    return msg(str`Server ${n} cannot be used, so nothing was saved.`);
  }
  const detail = refusal.detail;
  return msg(str`This browser refuses these servers (${detail}), so they were not saved; the servers saved before are still used.`);
}
