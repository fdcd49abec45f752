import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * The catalogues against the source, read the way `npm run i18n:extract` reads it: every msg() in
 * src/ui has a translation in each target language, none is left over from a message that is gone,
 * and the module the page loads (`npm run i18n:build`) is the one the catalogue makes today.
 */

const root = resolve(import.meta.dirname, '../../..');
const read = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
if (read.output.mode !== 'runtime') throw new Error('lit-localize.json: the page uses runtime mode');
const config = { ...read, output: read.output };
const localizer = new RuntimeLitLocalizer(config);
const { messages: sourceMessages, errors } = localizer.extractSourceMessages();
const { translations } = localizer.readTranslationsSync();
const sourceIds = new Set(sourceMessages.map((message) => message.name));

describe.each(config.targetLocales)('the %s catalogue', (locale) => {
  const translated = translations.get(locale) ?? [];
  const translatedIds = new Set(translated.map((message) => message.name));

  test('the source was read: every wording module and element has its messages', () => {
    expect(errors).toEqual([]);
    const files = new Set(sourceMessages.map((message) => message.file.fileName.slice(root.length + 1)));
    for (const file of ['src/ui/text/status-text.ts', 'src/ui/text/problem-text.ts', 'src/ui/components/p2p-chat.ts']) {
      expect(files).toContain(file);
    }
    expect(sourceIds.size).toBeGreaterThan(150);
  });

  test('translates every message of the page', () => {
    const missing = sourceMessages.filter((message) => !translatedIds.has(message.name));
    expect(missing.map((message) => message.contents.filter((part) => typeof part === 'string').join('…'))).toEqual([]);
  });

  test('holds no translation of a message the page no longer has', () => {
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

  test('are what npm run i18n:build makes from the catalogues today', async () => {
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
