import { describe, expect, it } from 'vitest';
import { signalNotice } from '../../../src/renderer/src/features/recommend/use-for-you';

describe('For-you notice', () => {
  it('says how many signals of each kind are missing', () => {
    const base = { ready: false as const, positive: 0, negative: 0 };
    expect(signalNotice({ ...base, needPositive: 5, needNegative: 1 })).toBe(
      'For you learns from your triage: it needs 5 more queued, read or tagged papers and ' +
        '1 more dismissed paper.',
    );
    expect(signalNotice({ ...base, needPositive: 0, needNegative: 2 })).toBe(
      'For you learns from your triage: it needs 2 more dismissed papers.',
    );
  });
});
