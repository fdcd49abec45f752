export const USAGE = `P2P Direct from a terminal: files and chat with a browser or another terminal, peer to peer, no server.

Usage:
  p2p-direct send <file>...     offer files; exits 0 once every one arrived verified
  p2p-direct receive [folder]   write the files the other device sends (default: this folder)
  p2p-direct chat               each line typed is a message

This side prints its offer (a QR code on a terminal, and the code as text); paste the other
device's answer and press Enter. If the other device made the offer, paste its offer instead
(or start with --answer): this side then prints its answer for the other device to take.

Options:
  --page <url>          the P2P Direct page the QR code opens (without it, the QR code holds
                        the bare code: press Scan on the page)
  --answer              make no offer; wait for the other device's offer
  --stun <url>          a STUN server (repeatable), e.g. stun:stun.example.org:3478
  --turn <url>          a TURN server (repeatable), turn:user:password@host:3478
  --relay-only          connect through the TURN server only (hides this machine's addresses)
  --no-ice-servers      no STUN or TURN at all: same network only (an offline LAN)
  --bind <address>      offer only this local address
  --force, -f           receive: overwrite files of the same name (default: "name (1).ext")
  --keep-open           receive: go on after the first files, until the other device ends
  --qr / --no-qr        draw QR codes or not (default: only on a terminal)
  --help, -h            this text
  --version, -V         the version

Exit status: 0 done (every file verified), 1 a transfer failed or was declined, 2 bad command
line, 3 input ended before a usable code, 4 no link (timed out, no address, ICE failed, lost),
5 the other device ended the session first, 6 a file or folder cannot be used, 130 interrupted.
`;
