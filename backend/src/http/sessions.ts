import { randomBytes } from 'node:crypto';
import type { Collection, ReadModelStore } from '../read-models/read-model.port';
import { RecentReads } from '../shared/recent-reads';

/** The identity claims iD Digital Mty+ gives us about a person. */
export interface ResidentClaims {
  curp: string | null;
  birthdate: string | null;
  district: string | null;
  resident: boolean;
}

/**
 * Sessions live in the read-model store, not in process memory, so any backend instance
 * can serve any request. They hold the identity claims (CURP included) that the log
 * never does.
 */
export interface Session extends ResidentClaims {
  id: string;
  subject: string;
  displayName: string;
  /** The `email` claim, kept for the session only; notifications store it when the resident opts in. */
  email?: string | null;
  csrfToken: string;
  expiresAt: number;
}

/** A login in flight: what /auth/callback must check (state, nonce, PKCE verifier). */
export interface LoginAttempt {
  id: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
  expiresAt: number;
}

export const SESSION_COOKIE = 'decidimos_session';
export const LOGIN_COOKIE = 'decidimos_login';

const token = () => randomBytes(32).toString('base64url');

const LOGIN_TTL_MS = 10 * 60 * 1000;
/** Expired sessions and login attempts are swept at most this often per process, on the next login. */
const PURGE_INTERVAL_MS = 60 * 1000;
/**
 * How long a process trusts a session it has read without reading it again (every request
 * looks its session up). A session never changes once created; a logout through this process
 * ends it here at once, one through another replica within this long.
 */
export const SESSIONS_TRUSTED_MS = 5_000;

export class SessionRepository {
  private readonly sessions: Collection<Session>;
  private readonly logins: Collection<LoginAttempt>;
  private readonly lastPurge = new Map<Collection<{ expiresAt: number }>, number>();
  /** Per request, the lookup of the session its cookie names: the rate limit and the access guard both ask. */
  private readonly byRequest = new WeakMap<object, Promise<Session | null>>();
  private readonly recent = new RecentReads<Session>(SESSIONS_TRUSTED_MS);

  constructor(
    store: ReadModelStore,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = store.collection<Session>('sessions');
    this.logins = store.collection<LoginAttempt>('login-attempts');
  }

  async create(
    subject: string,
    displayName: string,
    claims: ResidentClaims,
    email: string | null = null,
  ): Promise<Session> {
    await this.purgeExpired(this.sessions);
    const session: Session = {
      id: token(),
      subject,
      displayName,
      email,
      ...claims,
      csrfToken: token(),
      expiresAt: this.now() + this.ttlSeconds * 1000,
    };
    await this.sessions.upsert(session.id, session);
    return session;
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (!id) return null;
    const session = await this.recent.read(id, () => this.sessions.get(id));
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.recent.forget(id);
      await this.sessions.delete(id);
      return null;
    }
    return session;
  }

  /** The session a request's cookie names, looked up once however many times the request asks. */
  ofRequest(request: { cookies?: Record<string, string | undefined> }): Promise<Session | null> {
    let lookup = this.byRequest.get(request);
    if (!lookup) {
      lookup = this.get(request.cookies?.[SESSION_COOKIE]);
      this.byRequest.set(request, lookup);
    }
    return lookup;
  }

  async end(id: string): Promise<void> {
    this.recent.forget(id);
    await this.sessions.delete(id);
    // The delete may have waited for the store's lock: a lookup meanwhile read the session and may remember it.
    this.recent.forget(id);
  }

  async startLogin(attempt: Omit<LoginAttempt, 'id' | 'expiresAt'> & { state: string }): Promise<void> {
    // Anyone can start a login, so attempts that were never completed must not pile up.
    await this.purgeExpired(this.logins);
    const { state, ...rest } = attempt;
    await this.logins.upsert(state, { id: state, ...rest, expiresAt: this.now() + LOGIN_TTL_MS });
  }

  /** Each login attempt can be completed once. */
  async takeLogin(state: string): Promise<LoginAttempt | null> {
    const attempt = await this.logins.get(state);
    if (!attempt) return null;
    // Callbacks racing with one state (a replayed redirect, two replicas) may all have read
    // it: only the one whose delete removed it goes on.
    if (!(await this.logins.delete(state))) return null;
    return attempt.expiresAt > this.now() ? attempt : null;
  }

  /**
   * Deletes expired documents, so the store holds only what can still be used. Deleting is
   * idempotent, so replicas sweeping at once do no harm.
   */
  private async purgeExpired(collection: Collection<{ expiresAt: number }>): Promise<void> {
    const now = this.now();
    if (now - (this.lastPurge.get(collection) ?? 0) < PURGE_INTERVAL_MS) return;
    this.lastPurge.set(collection, now);
    await collection.deleteExpired(now);
  }
}
