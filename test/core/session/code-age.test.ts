import { describe, expect, test } from 'vitest';
import { codeAge, STALE_AFTER_MS } from '../../../src/core/session/code-age.ts';

describe('how long a code has waited', () => {
  test('whole seconds, and stale from two minutes on', () => {
    expect(codeAge(10_000, 10_000)).toEqual({ waitedSeconds: 0, stale: false });
    expect(codeAge(10_000, 10_999)).toEqual({ waitedSeconds: 0, stale: false });
    expect(codeAge(10_000, 75_500)).toEqual({ waitedSeconds: 65, stale: false });
    expect(codeAge(10_000, 10_000 + STALE_AFTER_MS - 1)).toEqual({ waitedSeconds: 119, stale: false });
    expect(codeAge(10_000, 10_000 + STALE_AFTER_MS)).toEqual({ waitedSeconds: 120, stale: true });
  });

  test('a clock that went back counts as no wait', () => {
    expect(codeAge(10_000, 9_000)).toEqual({ waitedSeconds: 0, stale: false });
  });
});
