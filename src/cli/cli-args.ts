import { msg, str } from '@lit/localize';
import { parseArgs } from 'node:util';
import { iceServerProblems, type IceServerEntry } from '../core/settings/settings.ts';
import { err, ok, type Result } from '../core/util/result.ts';
import { commandLineMistake } from './locale/parse-args-text.ts';
import { iceServerProblemText } from './terminal/link-text.ts';

export type CommandName = 'send' | 'receive' | 'chat';

export interface CliOptions {
  readonly command: CommandName;
  /** send: the files to offer, in order. */
  readonly files: readonly string[];
  /** receive: where files are written. */
  readonly directory: string;
  /** The page the QR code's link opens; without it the QR code holds the bare code. */
  readonly page: string | undefined;
  /** undefined: the page's default public STUN servers. */
  readonly iceServers: readonly IceServerEntry[] | undefined;
  readonly relayOnly: boolean;
  /** Wait for the other device's offer instead of making one. */
  readonly answer: boolean;
  readonly force: boolean;
  /** Draw QR codes; undefined: when standard output is a terminal. */
  readonly qr: boolean | undefined;
  /** receive: go on after the first batch of files, until the other device ends the session. */
  readonly keepOpen: boolean;
  /** Gather candidates on this local address only (libdatachannel binds every interface otherwise). */
  readonly bindAddress: string | undefined;
}

export type ParsedCommandLine = { readonly kind: 'run'; readonly options: CliOptions } | { readonly kind: 'help' | 'version' };

const FLAGS = {
  page: { type: 'string' },
  stun: { type: 'string', multiple: true },
  turn: { type: 'string', multiple: true },
  'relay-only': { type: 'boolean' },
  'no-ice-servers': { type: 'boolean' },
  answer: { type: 'boolean' },
  force: { type: 'boolean', short: 'f' },
  bind: { type: 'string' },
  qr: { type: 'boolean' },
  'no-qr': { type: 'boolean' },
  'keep-open': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** Reads the command line (without node and the script); a mistake comes back as one sentence. */
export function parseCommandLine(argv: readonly string[]): Result<ParsedCommandLine, string> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    return err(commandLineMistake(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return ok({ kind: 'help' });
  if (values.version) return ok({ kind: 'version' });
  const [command, ...rest] = positionals;
  if (command !== 'send' && command !== 'receive' && command !== 'chat') {
    return err(command === undefined ? msg('Say what to do: send, receive or chat.') : msg(str`Unknown command "${command}".`));
  }
  if (command === 'send' && rest.length === 0) return err(msg('Name at least one file to send.'));
  if (command === 'receive' && rest.length > 1) return err(msg('Give receive at most one folder.'));
  if (command === 'chat' && rest.length > 0) return err(msg('chat takes no arguments.'));
  if (values['keep-open'] && command !== 'receive') return err(msg('--keep-open is for receive.'));
  if (values.force && command !== 'receive') return err(msg('--force is for receive.'));
  if (values.lang !== undefined && values.lang !== 'ko' && values.lang !== 'en') return err(msg('--lang takes ko or en.'));
  const servers = iceServersFrom(values.stun ?? [], values.turn ?? [], values['no-ice-servers'] ?? false);
  if (!servers.ok) return servers;
  if (values.page !== undefined && !/^https?:\/\/[^\s#]+/.test(values.page)) return err(msg('--page takes an http:// or https:// address.'));
  return ok({
    kind: 'run',
    options: {
      command,
      files: command === 'send' ? rest : [],
      directory: command === 'receive' ? (rest[0] ?? '.') : '.',
      page: values.page,
      iceServers: servers.value,
      relayOnly: values['relay-only'] ?? false,
      answer: values.answer ?? false,
      force: values.force ?? false,
      bindAddress: values.bind,
      qr: values['no-qr'] ? false : values.qr,
      keepOpen: values['keep-open'] ?? false,
    },
  });
}

function iceServersFrom(stun: readonly string[], turn: readonly string[], none: boolean): Result<IceServerEntry[] | undefined, string> {
  if (none && stun.length + turn.length > 0) return err(msg('--no-ice-servers cannot be combined with --stun or --turn.'));
  if (none) return ok([]);
  if (stun.length + turn.length === 0) return ok(undefined);
  const entries = [...stun.map((url) => ({ urls: withScheme(url, 'stun') })), ...turn.map(turnEntry)];
  for (const entry of entries) {
    const problems = iceServerProblems(entry);
    if (problems.length === 0) continue;
    const why = problems.map(iceServerProblemText).join('; ');
    const url = entry.urls;
    return err(msg(str`Cannot use ICE server "${url}": ${why}.`));
  }
  return ok(entries);
}

function withScheme(url: string, scheme: string): string {
  return /^[a-z]+:/i.test(url) && !/^[^:]+:\d+$/.test(url) ? url : `${scheme}:${url}`;
}

/** "turn:user:password@host:port?transport=udp" → a TURN entry; credentials may also be absent (then refused). */
export function turnEntry(text: string): IceServerEntry {
  const url = withScheme(text, 'turn');
  const match = /^(turns?):([^@/]*)@(.+)$/.exec(url);
  if (!match) return { urls: url };
  const [, scheme, credentials, address] = match as unknown as [string, string, string, string];
  const colon = credentials.indexOf(':');
  const username = decodeURIComponent(colon < 0 ? credentials : credentials.slice(0, colon));
  const credential = colon < 0 ? '' : decodeURIComponent(credentials.slice(colon + 1));
  return { urls: `${scheme}:${address}`, username, credential };
}
