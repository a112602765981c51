/**
 * The signed-in session, kept in memory only (never in localStorage), and the one place that
 * refreshes it.
 *
 * Refresh tokens rotate and the server revokes the whole session when a used one comes back,
 * so refreshing must never overlap: inside a tab every caller shares one in-flight promise
 * (React StrictMode runs effects twice), and across tabs the Web Locks API queues them so each
 * tab presents the cookie the previous one just received.
 */
import type { Session } from '@/types/api';

export type SessionState =
  | { status: 'loading'; session: null }
  | { status: 'signedIn'; session: Session }
  | { status: 'signedOut'; session: null };

export const REFRESH_LOCK_NAME = 'cocreate-refresh';

/** Retry a failed proactive refresh (network down, server restarting) after this long. */
const RETRY_AFTER_FAILURE_MS = 30_000;
/** setTimeout stores its delay in 32 bits. */
const MAX_TIMER_MS = 2_147_483_647;

export interface SessionStoreOptions {
  /** POST /auth/refresh. Resolves `null` when the server says there is no valid session. */
  fetchRefresh: () => Promise<Session | null>;
  /** The Web Locks API when the browser has it. */
  locks?: LockManager | undefined;
}

/** When to refresh proactively: a minute before expiry, or earlier for short-lived tokens. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lead = Math.min(60, expiresInSeconds * 0.2);
  return Math.min(MAX_TIMER_MS, Math.max(1, expiresInSeconds - lead) * 1000);
}

export class SessionStore {
  private state: SessionState = { status: 'loading', session: null };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<Session | null> | null = null;
  private restoring: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every sign-in/sign-out so a refresh that was overtaken cannot undo it. */
  private generation = 0;
  private readonly fetchRefresh: () => Promise<Session | null>;
  private readonly locks: LockManager | undefined;

  constructor(options: SessionStoreOptions) {
    this.fetchRefresh = options.fetchRefresh;
    this.locks = options.locks;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): SessionState => this.state;

  accessToken(): string | null {
    return this.state.session?.access_token ?? null;
  }

  /** Sign in with a session the server just handed out (sign-in, sign-up, password change). */
  setSession(session: Session): void {
    this.generation += 1;
    this.apply(session);
  }

  /** Forget the session locally (after sign-out, or when the server no longer knows it). */
  clear(): void {
    this.generation += 1;
    this.apply(null);
  }

  /**
   * Restore the session once at start-up from the refresh cookie. Memoised: however many
   * times it is called, the server sees one refresh.
   */
  restore(): Promise<void> {
    // Already decided (signed in or out since start-up): nothing to restore.
    if (!this.restoring && this.state.status !== 'loading') this.restoring = Promise.resolve();
    this.restoring ??= this.refresh().then(
      () => undefined,
      () => {
        // The server could not be reached; carry on signed out rather than spin forever.
        if (this.state.status === 'loading') this.apply(null);
      },
    );
    return this.restoring;
  }

  /**
   * Get a fresh access token. Every caller that arrives while one refresh is running shares
   * its result. Resolves `null` (and signs out) when there is no valid session; rejects when
   * the server could not answer.
   */
  refresh(): Promise<Session | null> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Resolves once no refresh is running, so sign-out cannot race a cookie rotation. */
  async settled(): Promise<void> {
    await this.inflight?.catch(() => undefined);
  }

  private async runRefresh(): Promise<Session | null> {
    const generation = this.generation;
    const session = this.locks
      ? await this.locks.request(REFRESH_LOCK_NAME, () => this.fetchRefresh())
      : await this.fetchRefresh();
    if (generation !== this.generation) {
      // Someone signed in or out while we waited: their outcome wins.
      return this.state.session;
    }
    this.apply(session);
    return session;
  }

  private apply(session: Session | null): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state = session ? { status: 'signedIn', session } : { status: 'signedOut', session: null };
    if (session) this.schedule(refreshDelayMs(session.expires_in));
    for (const listener of this.listeners) listener();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.refresh().catch(() => {
        if (this.state.status === 'signedIn') this.schedule(RETRY_AFTER_FAILURE_MS);
      });
    }, delayMs);
  }
}
