import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { CliProcess } from '../support/cli/cli-process.ts';

const KOREAN = { LANG: 'ko_KR.UTF-8' };
const LOOPBACK = ['--no-ice-servers', '--bind', '127.0.0.1'];
let running: CliProcess[] = [];
afterEach(() => {
  for (const cli of running) cli.kill();
  running = [];
});

function cli(args: readonly string[], env: NodeJS.ProcessEnv = KOREAN): CliProcess {
  const process = new CliProcess(args, { env });
  running.push(process);
  return process;
}

/** Everything the process said, once it has exited with the status expected. */
async function output(process: CliProcess, status: number): Promise<string> {
  expect(await process.exited).toBe(status);
  return process.transcript();
}

describe('the terminal in Korean (LANG=ko_KR.UTF-8)', { timeout: 60_000, retry: 1 }, () => {
  it('prints its help in Korean, and in English with --lang en', async () => {
    const help = await output(cli(['--help']), EXIT.ok);
    expect(help).toContain('사용법:');
    expect(help).toContain('종료 코드: 0 완료');
    expect(help).not.toContain('Usage:');
    expect(await output(cli(['--help', '--lang', 'en']), EXIT.ok)).toContain('Usage:');
    expect(await output(cli(['--help'], { LANG: 'ko_KR.UTF-8', LC_ALL: 'C' }), EXIT.ok)).toContain('Usage:');
    expect(await output(cli(['--help', '--lang=ko'], { LANG: 'C' }), EXIT.ok)).toContain('사용법:');
  });

  it('explains a bad command line in Korean, then the usage', async () => {
    const unknown = await output(cli(['fly']), EXIT.usage);
    expect(unknown).toContain('err| 모르는 명령이에요: "fly".');
    expect(unknown).toContain('사용법:');
    expect(await output(cli(['chat', '--bogus']), EXIT.usage)).toContain('모르는 옵션이에요: --bogus.');
    expect(await output(cli(['chat', '--lang', 'fr']), EXIT.usage)).toContain('--lang에는 ko나 en을 적으세요.');
  });

  it('refuses a missing file in Korean before anything is offered', async () => {
    const missing = await output(cli(['send', '/nonexistent/file.bin', ...LOOPBACK]), EXIT.badFile);
    expect(missing).toContain('err| 파일이 없어요: /nonexistent/file.bin');
  });

  it('offers in Korean, explains a bad paste in Korean, and keeps the code itself as it is', async () => {
    const offerer = cli(['chat', ...LOOPBACK]);
    const code = await offerer.code();
    expect(offerer.lines.join('\n')).toContain('초대 코드예요. 상대 기기의 P2P Direct에 붙여 넣으세요(아래의 코드나 링크).');
    await offerer.line(/^상대 기기의 응답 코드\(코드나 링크\)를 여기에 붙여 넣고 Enter를 누르세요:$/);
    offerer.write('hello there');
    offerer.write(code.slice(0, 30));
    expect(await offerer.line(/P2P Direct 코드가 아니에요/)).toMatch(/ 다시 붙여 넣으세요:$/);
    expect(await offerer.line(/코드 일부가 빠져 있어요|코드가 손상됐어요/)).toMatch(/ 다시 붙여 넣으세요:$/);
    offerer.endInput();
    expect(await output(offerer, EXIT.noCode)).toContain('쓸 수 있는 코드를 붙여 넣기 전에 표준 입력이 끝났어요.');
  });

  it('connects and chats in Korean: the same verification code on both sides, messages as "상대: …"', async () => {
    const a = cli(['chat', ...LOOPBACK]);
    const b = cli(['chat', '--answer', ...LOOPBACK]);
    b.write(await a.code());
    a.write(await b.code());
    await a.line(/^연결됐어요\.$/);
    const codes = await Promise.all([a, b].map((side) => side.line(/^확인 코드: \d{3} \d{3} /)));
    expect(codes[1]!.slice(0, 13)).toBe(codes[0]!.slice(0, 13));
    a.write('안녕하세요');
    expect(await b.line(/^상대: /)).toBe('상대: 안녕하세요');
    a.endInput();
    expect(await a.exited).toBe(EXIT.ok);
    expect(await output(b, EXIT.ok)).toContain('상대 기기가 채팅을 끝냈어요.');
  });
});
