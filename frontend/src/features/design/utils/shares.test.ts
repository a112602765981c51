import { describe, expect, it } from 'vitest';
import type { Split } from '../types';
import {
  checkSplit,
  creatorShareAfter,
  invitedRow,
  parseSharePercent,
  percentFromBps,
  placeSplitErrors,
  rowsFromSplit,
  splitInputOf,
  type NewRow,
  type SavedRow,
} from './shares';

const bps = (text: string) => {
  const result = parseSharePercent(text);
  return result.ok ? result.bps : result.problem.key;
};

const split = (overrides: Partial<Split> = {}): Split => ({
  creator_share_bps: 10_000,
  co_creators: [],
  agreed: true,
  ...overrides,
});

const row = (overrides: Partial<NewRow>): NewRow => ({
  ...invitedRow('', ''),
  ...overrides,
});

const savedRow = (overrides: Partial<SavedRow>): SavedRow => ({
  key: 'saved',
  accountId: 'a-1',
  name: 'Bob',
  share: '30',
  ...overrides,
});

describe('a share typed in percent', () => {
  it('becomes whole basis points: "30" -> 3000, "12.5" -> 1250', () => {
    expect(bps('30')).toBe(3000);
    expect(bps('12.5')).toBe(1250);
    expect(bps('12,5')).toBe(1250); // as typed in French
    expect(bps('12.05')).toBe(1205);
    expect(bps(' 7 % ')).toBe(700);
    expect(bps('0.01')).toBe(1);
    expect(bps('99.99')).toBe(9999);
    expect(bps('033')).toBe(3300);
  });

  it('refuses "0", "100", "abc", "12.345" and nothing at all, saying why', () => {
    expect(bps('0')).toBe('coCreators.validation.shareRange');
    expect(bps('0.00')).toBe('coCreators.validation.shareRange');
    expect(bps('100')).toBe('coCreators.validation.shareRange');
    expect(bps('12345')).toBe('coCreators.validation.shareRange');
    expect(bps('abc')).toBe('coCreators.validation.shareFormat');
    expect(bps('-5')).toBe('coCreators.validation.shareFormat');
    expect(bps('1e3')).toBe('coCreators.validation.shareFormat');
    expect(bps('12.345')).toBe('coCreators.validation.shareDecimals');
    expect(bps('  ')).toBe('coCreators.validation.shareRequired');
  });

  it('goes back to text to edit: 3000 -> "30", 1250 -> "12.5", 1 -> "0.01"', () => {
    expect(percentFromBps(3000)).toBe('30');
    expect(percentFromBps(1250)).toBe('12.5');
    expect(percentFromBps(1250, ',')).toBe('12,5');
    expect(percentFromBps(1205)).toBe('12.05');
    expect(percentFromBps(1)).toBe('0.01');
  });
});

describe('checking a split before sending it', () => {
  it('catches a bad email, the creator’s own, a repeat, and shares that leave nothing', () => {
    const rows = [
      row({ key: 'a', email: 'bob@example.com', share: '60' }),
      row({ key: 'b', email: 'not-an-email', share: '10' }),
      row({ key: 'c', email: 'ADA@example.com', share: '10' }),
      row({ key: 'd', email: ' Bob@Example.com ', share: '20' }),
    ];
    const problems = checkSplit(rows, 'ada@example.com');
    expect(problems.rows).toEqual({
      b: { email: { key: 'coCreators.validation.email' } },
      c: { email: { key: 'coCreators.validation.isCreator' } },
      d: { email: { key: 'coCreators.validation.duplicate' } },
    });
    expect(problems.total).toEqual({ key: 'coCreators.validation.tooLarge' });
  });

  it('checks only the share of someone already saved, whose email it never sees', () => {
    const rows = [
      savedRow({ key: 'a', share: '30' }),
      savedRow({ key: 'b', accountId: 'a-2', name: 'Chloé', share: 'abc' }),
    ];
    expect(checkSplit(rows, 'ada@example.com').rows).toEqual({
      b: { share: { key: 'coCreators.validation.shareFormat' } },
    });
  });
});

describe('the request for a split', () => {
  it('names saved co-creators by account id and new ones by email, in the list’s order', () => {
    const rows = [
      ...rowsFromSplit(
        split({
          co_creators: [
            { account_id: 'a-1', display_name: 'Bob', share_bps: 3000, status: 'accepted' },
          ],
        }),
      ),
      invitedRow(' chloe@example.com ', '12,5'),
    ];
    expect(splitInputOf(rows)).toEqual({
      co_creators: [
        { account_id: 'a-1', share_bps: 3000 },
        { email: 'chloe@example.com', share_bps: 1250 },
      ],
    });
    expect(splitInputOf(rows).co_creators[0]).not.toHaveProperty('email');
  });
});

describe('the server’s complaints about a split', () => {
  it('go beside the row sent at that place, under the total, or for the whole form', () => {
    const sent = [row({ key: 'first' }), row({ key: 'second' })];
    const placed = placeSplitErrors(
      [
        { field: 'co_creators[1].email', code: 'unknown_account', message: 'Nobody here.' },
        { field: 'co_creators[0].share_bps', code: 'out_of_range', message: 'Too big.' },
        { field: 'co_creators', code: 'shares_too_large', message: 'Nothing left.' },
        { field: 'co_creators[9].email', code: 'duplicate', message: 'Lost.' },
      ],
      sent,
    );
    expect(placed.rows).toEqual({
      second: { email: 'Nobody here.' },
      first: { share: 'Too big.' },
    });
    expect(placed.total).toBe('Nothing left.');
    expect(placed.general).toEqual(['Lost.']);
  });
});

describe('what the creator keeps', () => {
  it('leaves a declined share with the creator until it changes', () => {
    const saved = split({
      creator_share_bps: 7000,
      agreed: false,
      co_creators: [
        { account_id: 'a-1', display_name: 'Bob', share_bps: 3000, status: 'accepted' },
        { account_id: 'a-2', display_name: 'Chloé', share_bps: 2000, status: 'declined' },
      ],
    });
    const rows = rowsFromSplit(saved);
    expect(creatorShareAfter(rows, saved)).toBe(7000);
    const changed = rows.map((r) => (r.name === 'Chloé' ? { ...r, share: '15' } : r));
    expect(creatorShareAfter(changed, saved)).toBe(5500);
  });
});
