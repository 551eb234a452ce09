import { randomBytes } from 'node:crypto';
import type { Collection, ReadModelStore } from '../read-models/read-model.port';
import type { ResidentClaims } from './eligibility';

/**
 * Sessions live in the read-model store, not in process memory, so any backend instance
 * can serve any request. They hold the identity claims (CURP included) that the log
 * never does.
 */
export interface Session extends ResidentClaims {
  id: string;
  subject: string;
  displayName: string;
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

export class SessionRepository {
  private readonly sessions: Collection<Session>;
  private readonly logins: Collection<LoginAttempt>;

  constructor(
    store: ReadModelStore,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = store.collection<Session>('sessions');
    this.logins = store.collection<LoginAttempt>('login-attempts');
  }

  async create(subject: string, displayName: string, claims: ResidentClaims): Promise<Session> {
    const session: Session = {
      id: token(),
      subject,
      displayName,
      ...claims,
      csrfToken: token(),
      expiresAt: this.now() + this.ttlSeconds * 1000,
    };
    await this.sessions.upsert(session.id, session);
    return session;
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (!id) return null;
    const session = await this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      await this.sessions.delete(id);
      return null;
    }
    return session;
  }

  async end(id: string): Promise<void> {
    await this.sessions.delete(id);
  }

  async startLogin(attempt: Omit<LoginAttempt, 'id' | 'expiresAt'> & { state: string }): Promise<void> {
    const { state, ...rest } = attempt;
    await this.logins.upsert(state, { id: state, ...rest, expiresAt: this.now() + 10 * 60 * 1000 });
  }

  /** Each login attempt can be completed once. */
  async takeLogin(state: string): Promise<LoginAttempt | null> {
    const attempt = await this.logins.get(state);
    if (!attempt) return null;
    await this.logins.delete(state);
    return attempt.expiresAt > this.now() ? attempt : null;
  }
}
