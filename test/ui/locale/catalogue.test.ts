import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * The catalogues against the source, read the way `npm run i18n:extract` reads it: every msg() has
 * a translation in each target language, none is left over from a message that is gone, and the
 * modules that are loaded (`npm run i18n:build`) are the ones the catalogues make today. The page
 * (lit-localize.json) and the terminal peer (lit-localize.cli.json) each have their own catalogue,
 * so the page's lazily loaded Korean chunk carries no terminal sentence.
 */

const root = resolve(import.meta.dirname, '../../..');

const CATALOGUES = [
  {
    configFile: 'lit-localize.json',
    wordingFiles: ['src/ui/text/status-text.ts', 'src/ui/text/problem-text.ts', 'src/ui/components/p2p-chat.ts'],
    atLeast: 150,
  },
  {
    configFile: 'lit-localize.cli.json',
    wordingFiles: ['src/cli/usage.ts', 'src/cli/cli-args.ts', 'src/cli/terminal/cli-text.ts', 'src/cli/link/code-exchange.ts', 'src/cli/commands/send.ts'],
    atLeast: 100,
  },
];

/** Each catalogue with its source read once, while the tests are collected (reading takes seconds). */
const READ = CATALOGUES.map((catalogue) => {
  const read = readConfigFileAndWriteSchema(join(root, catalogue.configFile));
  if (read.output.mode !== 'runtime') throw new Error(`${catalogue.configFile}: runtime mode expected`);
  const config = { ...read, output: read.output };
  const localizer = new RuntimeLitLocalizer(config);
  return { ...catalogue, config, localizer, ...localizer.extractSourceMessages() };
});

describe.each(READ)('$configFile', ({ wordingFiles, atLeast, config, localizer, messages: sourceMessages, errors }) => {
  const { translations } = localizer.readTranslationsSync();
  const sourceIds = new Set(sourceMessages.map((message) => message.name));

  describe.each(config.targetLocales)('the %s catalogue', (locale) => {
    const translated = translations.get(locale) ?? [];
    const translatedIds = new Set(translated.map((message) => message.name));

    test('the source was read: every wording module has its messages', () => {
      expect(errors).toEqual([]);
      const files = new Set(sourceMessages.map((message) => message.file.fileName.slice(root.length + 1)));
      for (const file of wordingFiles) expect(files).toContain(file);
      expect(sourceIds.size).toBeGreaterThan(atLeast);
    });

    test('translates every message of the source', () => {
      const missing = sourceMessages.filter((message) => !translatedIds.has(message.name));
      expect(missing.map((message) => message.contents.filter((part) => typeof part === 'string').join('…'))).toEqual([]);
    });

    test('holds no translation of a message the source no longer has', () => {
      expect([...translatedIds].filter((id) => !sourceIds.has(id))).toEqual([]);
    });

    test('keeps every placeholder of each message, and no translation is empty', () => {
      expect(localizer.validateTranslations().errors).toEqual([]);
      for (const message of translated) expect(message.contents.length, message.name).toBeGreaterThan(0);
    });
  });

  describe('the generated locale modules', () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'p2p-i18n-'));
    afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

    test('are what npm run i18n:build makes from the catalogue today', { timeout: 30_000 }, async () => {
      const fresh = new RuntimeLitLocalizer({
        ...config,
        output: { ...config.output, outputDir, localeCodesModule: join(outputDir, 'locale-codes.ts') },
      });
      await fresh.build();
      const committed = config.resolve(config.output.outputDir);
      for (const file of [...config.targetLocales.map((locale) => `${locale}.ts`), 'locale-codes.ts']) {
        expect(readFileSync(join(committed, file), 'utf8'), `${file}: run npm run i18n:build`).toBe(readFileSync(join(outputDir, file), 'utf8'));
      }
    });
  });
});

test('the page and the terminal read no source file in common, so neither catalogue carries sentences of the other', () => {
  const [page, cli] = READ.map(({ messages }) => messages);
  const pageFiles = new Set(page!.map((message) => message.file.fileName));
  expect(cli!.filter((message) => pageFiles.has(message.file.fileName)).map((message) => message.file.fileName)).toEqual([]);
});
