import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { CliProcess } from '../support/cli/cli-process.ts';

const LOOPBACK = ['--no-ice-servers', '--bind', '127.0.0.1'];
let running: CliProcess[] = [];
afterEach(() => {
  for (const cli of running) cli.kill();
  running = [];
});

function cli(...args: string[]): CliProcess {
  const process = new CliProcess([...args, ...LOOPBACK]);
  running.push(process);
  return process;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Carries the offerer's code to the answerer and the answer back, as two people would by hand. */
async function link(offerer: CliProcess, answerer: CliProcess): Promise<void> {
  answerer.write(await offerer.code());
  offerer.write(await answerer.code());
}

describe('CLI to CLI over loopback', { timeout: 60_000, retry: 1 }, () => {
  it('send → receive: two files arrive verified under safe names, an existing one is not overwritten', async () => {
    const from = mkdtempSync(join(tmpdir(), 'p2p-send-'));
    const to = mkdtempSync(join(tmpdir(), 'p2p-receive-'));
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    writeFileSync(join(from, 'data.bin'), big);
    writeFileSync(join(from, 'note.txt'), 'hello');
    writeFileSync(join(to, 'note.txt'), 'already here');
    const sender = cli('send', join(from, 'data.bin'), join(from, 'note.txt'));
    const receiver = cli('receive', to, '--answer');
    await link(sender, receiver);

    expect(await sender.exited).toBe(EXIT.ok);
    expect(await receiver.exited).toBe(EXIT.ok);
    expect(sha256(readFileSync(join(to, 'data.bin')))).toBe(sha256(big));
    expect(readFileSync(join(to, 'note.txt'), 'utf8')).toBe('already here');
    expect(readFileSync(join(to, 'note (1).txt'), 'utf8')).toBe('hello');
    expect(readdirSync(to).sort()).toEqual(['data.bin', 'note (1).txt', 'note.txt']);
    expect(sender.lines).toContain('2 of 2 files arrived verified.');
    const codes = [sender, receiver].map((side) => /Verification code: (\d{3} \d{3})/.exec(side.lines.join('\n'))?.[1]);
    expect(codes[0]).toMatch(/^\d{3} \d{3}$/);
    expect(codes[1]).toBe(codes[0]);
  });

  it('chat both ways; the end of input ends the chat for both with status 0', async () => {
    const a = cli('chat');
    const b = cli('chat', '--answer');
    await link(a, b);
    await a.line(/^Connected\.$/);
    a.write('hello from a');
    expect(await b.line(/^them: /)).toBe('them: hello from a');
    b.write('안녕 from b \u001b[31mred');
    expect(await a.line(/^them: /)).toBe('them: 안녕 from b [31mred');
    a.endInput();
    expect(await a.exited).toBe(EXIT.ok);
    expect(await b.exited).toBe(EXIT.ok);
    expect(b.lines).toContain('The other device ended the chat.');
  });

  it('garbage, a 10 MB line and a truncated code are explained; the right code still connects', async () => {
    const a = cli('chat');
    const b = cli('chat', '--answer');
    const offer = await a.code();
    b.write('hello there');
    b.write('7'.repeat(10_000_000));
    b.write(offer.slice(0, 30));
    b.write(offer);
    a.write(await b.code());
    await a.line(/^Connected\.$/);
    expect(b.errors.join('\n')).toMatch(/not a P2P Direct code/);
    expect(b.errors.join('\n')).toMatch(/far longer than any code/);
    expect(b.errors.join('\n')).toMatch(/cut short|damaged/);
    a.endInput();
    expect(await a.exited).toBe(EXIT.ok);
  });

  it('a missing file is refused before anything is offered; input that ends without a code exits 3', async () => {
    const missing = cli('send', '/nonexistent/file.bin');
    expect(await missing.exited).toBe(EXIT.badFile);
    expect(missing.errors.join('\n')).toMatch(/No such file: \/nonexistent\/file\.bin/);
    const waiting = cli('chat');
    await waiting.code();
    waiting.endInput();
    expect(await waiting.exited).toBe(EXIT.noCode);
    const usage = cli('fly');
    expect(await usage.exited).toBe(EXIT.usage);
  });
});
