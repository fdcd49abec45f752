import { msg } from '@lit/localize';
import type { DiagnosisCode } from '../../core/session/link-diagnosis.ts';

export interface DiagnosisWords {
  /** What the page saw, in a sentence. */
  readonly cause: string;
  /** What the user can do about it. */
  readonly fix: string;
}

/** What a failed link's diagnosis means, and the fix for each cause. */
export function diagnosisText(code: DiagnosisCode): DiagnosisWords {
  return words()[code];
}

/** A function, not a constant: msg() answers in the language active when the words are shown. */
const words = (): Record<DiagnosisCode, DiagnosisWords> => ({
  'no-local-candidates': {
    cause: msg('This device offered no network address.'),
    fix: msg('Join a network with internet access, or allow camera access so the browser shows its local addresses.'),
  },
  'no-remote-candidates': {
    cause: msg('The other device’s code held no network address.'),
    fix: msg(
      'On the other device, join a network with internet access or allow camera access, then make a new code there.',
    ),
  },
  'no-relay': {
    cause: msg('A TURN server is set, but it gave this device no relay address.'),
    fix: msg(
      'Check the TURN URL, user name and password in Settings. Where the network blocks it, a turns: URL on port 443 may get through.',
    ),
  },
  'no-srflx': {
    cause: msg('No STUN server answered, so this device does not know its public address.'),
    fix: msg(
      'Check the STUN URLs in Settings and that this network reaches the internet. Where UDP is blocked, only a TURN server over TCP or TLS gets through.',
    ),
  },
  'symmetric-nat': {
    cause: msg(
      'A router on the way gives every destination another public port (a symmetric NAT), so a direct path rarely works.',
    ),
    fix: msg('Add a TURN server in Settings, or move one device to another network, such as a phone’s hotspot.'),
  },
  'mdns-only': {
    cause: msg(
      'Both devices offered only hidden local names (.local), which work only when both are on the same network.',
    ),
    fix: msg(
      'Put both devices on the same Wi-Fi, or set a STUN server in Settings so that they can find each other across networks.',
    ),
  },
  'host-only': {
    cause: msg('Both devices offered only local addresses, which work only when both are on the same network.'),
    fix: msg(
      'Put both devices on the same Wi-Fi, or set a STUN or TURN server in Settings so that they can find each other across networks.',
    ),
  },
  'all-pairs-failed': {
    cause: msg(
      'Every pair of addresses was tried and no reply came back: a firewall, or a Wi-Fi that keeps its devices apart (client isolation, common on guest and public Wi-Fi), blocks the direct path.',
    ),
    fix: msg('Try another network, such as a phone’s hotspot, or add a TURN server in Settings.'),
  },
});

/** After the list of causes. */
export function diagnosisClosing(): string {
  return msg('Fix what applies, then start again below.');
}
