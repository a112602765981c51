/**
 * Royalty splits: shares as people type them (percent, up to two decimals) and as the server
 * takes them (whole basis points, 10,000 = all the royalties), and the rules the server applies
 * to a list of co-creators, checked here first so most mistakes show before sending. Shares go
 * from text to basis points with integer arithmetic only: no float ever holds a share.
 */
import type { ProblemFieldError } from '@/types/api';
import type { Split, SplitInput } from '../types';

export const WHOLE_BPS = 10_000;
export const SHARE_MIN_BPS = 1;
export const SHARE_MAX_BPS = WHOLE_BPS - 1;
const EMAIL_MAX = 254;

export type ShareProblem =
  | { key: 'coCreators.validation.shareRequired' }
  | { key: 'coCreators.validation.shareFormat' }
  | { key: 'coCreators.validation.shareDecimals' }
  | { key: 'coCreators.validation.shareRange' };

export type ShareResult = { ok: true; bps: number } | { ok: false; problem: ShareProblem };

/** Digits, then optionally a point or a comma (French) and more digits; a trailing % is fine. */
const PERCENT = /^(\d+)(?:[.,](\d*))?$/;

/** "30" -> 3000, "12.5" -> 1250, "12,05" -> 1205, "0.01" -> 1; "0", "100", "abc", "12.345" fail. */
export function parseSharePercent(text: string): ShareResult {
  const value = text.trim().replace(/\s*%$/u, '');
  if (!value) return { ok: false, problem: { key: 'coCreators.validation.shareRequired' } };
  const match = PERCENT.exec(value);
  if (!match) return { ok: false, problem: { key: 'coCreators.validation.shareFormat' } };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/u, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) {
    return { ok: false, problem: { key: 'coCreators.validation.shareDecimals' } };
  }
  const range = { ok: false, problem: { key: 'coCreators.validation.shareRange' } } as const;
  // Three digits already make 100% or more; longer ones are never parsed as numbers.
  if (whole.length > 3) return range;
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bps < SHARE_MIN_BPS || bps > SHARE_MAX_BPS) return range;
  return { ok: true, bps };
}

/** A share back as the text to edit: 3000 -> "30", 1250 -> "12.5" (or "12,5"), 1 -> "0.01". */
export function percentFromBps(bps: number, decimalSeparator = '.'): string {
  const whole = Math.floor(bps / 100);
  const hundredths = bps % 100;
  if (hundredths === 0) return String(whole);
  const fraction = String(hundredths).padStart(2, '0').replace(/0$/u, '');
  return `${whole}${decimalSeparator}${fraction}`;
}

/** The decimal separator people type in a language: "." in English, "," in French. */
export function decimalSeparatorOf(language: string): string {
  return language === 'fr' ? ',' : '.';
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();
const byteLength = (text: string) => new TextEncoder().encode(text).length;

export type EmailProblem =
  { key: 'coCreators.validation.emailRequired' } | { key: 'coCreators.validation.email' };

/** The server's email rules: something@domain.tld, no spaces or brackets, 254 characters at most. */
export function checkEmail(value: string): EmailProblem | null {
  const email = normalizeEmail(value);
  if (!email) return { key: 'coCreators.validation.emailRequired' };
  const invalid = { key: 'coCreators.validation.email' } as const;
  if (Array.from(email).length > EMAIL_MAX) return invalid;
  const at = email.lastIndexOf('@');
  if (at < 0) return invalid;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const forbidden = /[\s\p{Cc}<>()[\]\\,;:"@]/u;
  if (
    !local ||
    byteLength(local) > 64 ||
    forbidden.test(local) ||
    byteLength(domain) < 3 ||
    !domain.includes('.') ||
    /^[.-]|[.-]$/u.test(domain) ||
    domain.includes('..') ||
    !/^[\p{L}\p{N}.-]+$/u.test(domain)
  ) {
    return invalid;
  }
  return null;
}

/** One line of the split being edited: someone already in the saved split, or someone new. */
export type SplitRow = SavedRow | NewRow;

interface RowBase {
  /** Stable while editing: React's key, and where this row's errors are kept. */
  key: string;
  /** The share as typed, in percent. */
  share: string;
}

/** A co-creator the server has: sent by account id, since the split never shows emails. */
export interface SavedRow extends RowBase {
  accountId: string;
  name: string;
}

/** Someone being invited: sent by the email of their account. */
export interface NewRow extends RowBase {
  accountId: null;
  email: string;
}

let lastKey = 0;
export function newRowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

/** A new co-creator, from the invite fields. */
export function invitedRow(email: string, share: string): NewRow {
  return { key: newRowKey(), accountId: null, email: email.trim(), share };
}

/** The saved split as rows to edit. */
export function rowsFromSplit(split: Split, decimalSeparator = '.'): SavedRow[] {
  return split.co_creators.map((co) => ({
    key: newRowKey(),
    accountId: co.account_id,
    name: co.display_name,
    share: percentFromBps(co.share_bps, decimalSeparator),
  }));
}

/**
 * What the creator keeps once these rows are saved: the whole, less every share, except a
 * declined one left as it was (a declined share stays with the creator). Shares that do not
 * parse yet count for nothing.
 */
export function creatorShareAfter(rows: readonly SplitRow[], saved: Split): number {
  let given = 0;
  for (const row of rows) {
    const share = parseSharePercent(row.share);
    if (!share.ok) continue;
    const before = saved.co_creators.find((co) => co.account_id === row.accountId);
    if (before?.status === 'declined' && before.share_bps === share.bps) continue;
    given += share.bps;
  }
  return WHOLE_BPS - given;
}

/**
 * Where the split's errors go: beside a row's email or share, under the total, or general. A
 * saved row has no email field: its `email` error is about the person (the server names every
 * problem with a person `co_creators[i].email`, however they were sent).
 */
export interface PlacedSplit<T> {
  rows: Record<string, { email?: T; share?: T }>;
  /** About the shares together (they must leave the creator something). */
  total: T | null;
  general: T[];
}

export type SplitProblem =
  | ShareProblem
  | EmailProblem
  | { key: 'coCreators.validation.isCreator' }
  | { key: 'coCreators.validation.duplicate' }
  | { key: 'coCreators.validation.tooLarge' };

export const hasProblems = <T>(placed: PlacedSplit<T>) =>
  Object.keys(placed.rows).length > 0 || placed.total !== null || placed.general.length > 0;

/**
 * The server's rules for the whole list, in its order: everyone new needs a valid email that is
 * not the creator's own and not already in the list, everyone a share of 0.01% to 99.99%;
 * together the shares stay under 100%. Whether an email has an account, or belongs to someone
 * already in the split, only the server can say.
 */
export function checkSplit(
  rows: readonly SplitRow[],
  creatorEmail: string | null | undefined,
): PlacedSplit<SplitProblem> {
  const placed: PlacedSplit<SplitProblem> = { rows: {}, total: null, general: [] };
  const seen = new Set<string>();
  const own = creatorEmail ? normalizeEmail(creatorEmail) : null;
  let total = 0;
  for (const row of rows) {
    const problems: { email?: SplitProblem; share?: SplitProblem } = {};
    if (row.accountId === null) {
      const email = normalizeEmail(row.email);
      const emailProblem = checkEmail(row.email);
      if (emailProblem) problems.email = emailProblem;
      else if (email === own) problems.email = { key: 'coCreators.validation.isCreator' };
      else if (seen.has(email)) problems.email = { key: 'coCreators.validation.duplicate' };
      if (email) seen.add(email);
    }
    const share = parseSharePercent(row.share);
    if (share.ok) total += share.bps;
    else problems.share = share.problem;
    if (problems.email || problems.share) placed.rows[row.key] = problems;
  }
  if (total >= WHOLE_BPS) placed.total = { key: 'coCreators.validation.tooLarge' };
  return placed;
}

/** The request for rows that passed {@link checkSplit}: saved people by account id, new by email. */
export function splitInputOf(rows: readonly SplitRow[]): SplitInput {
  return {
    co_creators: rows.map((row) => {
      const share = parseSharePercent(row.share);
      const share_bps = share.ok ? share.bps : 0;
      return row.accountId === null
        ? { email: row.email.trim(), share_bps }
        : { account_id: row.accountId, share_bps };
    }),
  };
}

const ROW_FIELD = /^co_creators\[(\d+)\]\.(email|share_bps)$/u;

/**
 * The server's complaints about a split: `co_creators[i].email` and `co_creators[i].share_bps`
 * beside the i-th row sent (`sent` is the list in the order sent), `co_creators` under the
 * total, anything else for the whole form.
 */
export function placeSplitErrors(
  errors: readonly ProblemFieldError[],
  sent: readonly SplitRow[],
): PlacedSplit<string> {
  const placed: PlacedSplit<string> = { rows: {}, total: null, general: [] };
  for (const { field, message } of errors) {
    const match = ROW_FIELD.exec(field);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row && match) {
      const slot = (placed.rows[row.key] ??= {});
      const name = match[2] === 'email' ? 'email' : 'share';
      slot[name] ??= message;
    } else if (field === 'co_creators') {
      placed.total ??= message;
    } else {
      placed.general.push(message);
    }
  }
  return placed;
}
