// The line CI prints for a failed test (scripts/lib/failure-summary.js), made from jest's own failure messages.
import path from 'path';

import { failureSummary } from '../../scripts/lib/failure-summary';

const root = path.resolve(__dirname, '..', '..');

/** What jest reports for a failed expectation: its message and stack, as in the JSON report's failureMessages. */
function failureOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    return (error as Error).stack || '';
  }
  throw new Error('the check did not fail');
}

describe('failureSummary', () => {
  it('keeps what differed in a deep equality and the test file line, without colours', () => {
    const summary = failureSummary(
      failureOf(() =>
        expect({ tab: '按规模', label: 'the code, or nothing' }).toEqual({ tab: '按规模', label: 'a word' }),
      ),
      { root },
    );
    expect(summary).toMatch(/^Error: expect\(received\)\.toEqual\(expected\) \/\/ deep equality \| /);
    expect(summary).toContain('-   "label": "a word",');
    expect(summary).toContain('+   "label": "the code, or nothing",');
    expect(summary).toMatch(/ \| at test\/scripts\/failure-summary\.test\.ts:\d+:\d+$/);
    expect(summary).not.toContain(String.fromCharCode(27));
  });

  it('gives a plain error its first line, and nothing for no message', () => {
    const summary = failureSummary('Error: not within two minutes: 按行业 listing …\n    at waitFor (/x/y.ts:1:2)', {
      root,
    });
    expect(summary).toBe('Error: not within two minutes: 按行业 listing …');
    expect(failureSummary(undefined)).toBe('');
  });

  it('stays within its length', () => {
    const long = failureOf(() => expect(Array.from({ length: 50 }, (_, i) => `row ${i}`)).toEqual([]));
    expect(failureSummary(long, { root, maxLength: 120 }).length).toBeLessThanOrEqual(120);
  });
});
