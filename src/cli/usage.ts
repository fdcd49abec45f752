import { msg } from '@lit/localize';

/** Where an option's description starts, so the descriptions line up as one column. */
const DESCRIPTION_COLUMN = 24;

/** "  --page <url>          the page…", a description's further lines indented under its first. */
function row(name: string, description: string): string {
  const [first, ...rest] = description.split('\n');
  return [`  ${name}`.padEnd(DESCRIPTION_COLUMN) + first, ...rest.map((line) => ' '.repeat(DESCRIPTION_COLUMN) + line)].join('\n');
}

/** The help text, in the language chosen at start (so a function, not a constant made at import). */
export function usage(): string {
  const commands = [
    `  p2p-direct send <file>...     ${msg('offer files; exits 0 once every one arrived verified')}`,
    `  p2p-direct receive [folder]   ${msg('write the files the other device sends (default: this folder)')}`,
    `  p2p-direct chat               ${msg('each line typed is a message')}`,
  ];
  const options = [
    row('--page <url>', msg('the P2P Direct page the QR code opens (without it, the QR code holds\nthe bare code: press Scan on the page)')),
    row('--answer', msg("make no offer; wait for the other device's offer")),
    row('--stun <url>', msg('a STUN server (repeatable), e.g. stun:stun.example.org:3478')),
    row('--turn <url>', msg('a TURN server (repeatable), turn:user:password@host:3478')),
    row('--relay-only', msg("connect through the TURN server only (hides this machine's addresses)")),
    row('--no-ice-servers', msg('no STUN or TURN at all: same network only (an offline LAN)')),
    row('--bind <address>', msg('offer only this local address')),
    row('--force, -f', msg('receive: overwrite files of the same name (default: "name (1).ext")')),
    row('--keep-open', msg('receive: go on after the first files, until the other device ends')),
    row('--qr / --no-qr', msg('draw QR codes or not (default: only on a terminal)')),
    row('--lang ko|en', msg('the language of these messages (default: LC_ALL, LC_MESSAGES or LANG)')),
    row('--help, -h', msg('this text')),
    row('--version, -V', msg('the version')),
  ];
  return `${msg('P2P Direct from a terminal: files and chat with a browser or another terminal, peer to peer, no server.')}

${msg('Usage:')}
${commands.join('\n')}

${msg(`This side prints its offer (a QR code on a terminal, and the code as text); paste the other
device's answer and press Enter. If the other device made the offer, paste its offer instead
(or start with --answer): this side then prints its answer for the other device to take.`)}

${msg('Options:')}
${options.join('\n')}

${msg(`Exit status: 0 done (every file verified), 1 a transfer failed or was declined, 2 bad command
line, 3 input ended before a usable code, 4 no link (timed out, no address, ICE failed, lost),
5 the other device ended the session first, 6 a file or folder cannot be used, 130 interrupted.`)}
`;
}
