import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { meResponse } from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { CONFIG, type Config } from '../config/config';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { EditionsReadModel } from '../editions/public-api';
import { DomainError } from '../shared/domain-error';
import { eligibility } from './eligibility';
import { OidcService } from './oidc.service';
import { Profiles } from './profiles';
import { LOGIN_COOKIE, SESSION_COOKIE, SessionRepository } from '../http/sessions';

/**
 * What browsers drop or reinterpret while resolving a URL (controls, whitespace, invisible
 * formatting, backslashes), and lone surrogates, which no URL can carry.
 */
const UNSAFE_IN_PATH = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s\\]/u;

/**
 * Only same-site paths, so the login cannot be used as an open redirect: a single leading
 * slash, nothing a browser would strip or reinterpret (also once decoded again), and the
 * resolved URL on our own origin. What is kept is the parsed path, query and fragment,
 * percent-encoded, so the Location header is always valid ASCII.
 */
function safeReturnTo(value: unknown, origin: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return '/';
  }
  if (UNSAFE_IN_PATH.test(value) || UNSAFE_IN_PATH.test(decoded)) return '/';
  const url = new URL(value, origin);
  // Dot segments can collapse into "//host" (e.g. "/.//evil.example"), which a browser reads as another site.
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

@Controller()
export class AuthController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionRepository,
    private readonly editions: EditionsReadModel,
    private readonly profiles: Profiles,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('auth/login')
  @Access('public')
  @Endpoint({
    summary:
      'Start a login with iD Digital Mty+ (302 to the identity provider); `prompt=login` makes it ask for the person again (kiosk tablets)',
    tags: ['identity'],
    status: 302,
    produces: 'redirect',
  })
  async login(
    @Query('returnTo') returnTo: unknown,
    @Query('login_hint') loginHint: unknown,
    @Query('prompt') prompt: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const redirectUri = `${this.baseUrl(request)}/auth/callback`;
    await this.sessions.startLogin({
      state,
      nonce,
      codeVerifier,
      redirectUri,
      returnTo: safeReturnTo(returnTo, this.baseUrl(request)),
    });
    const url = await this.oidc.authorizationUrl({
      redirectUri,
      state,
      nonce,
      codeVerifier,
      ...(typeof loginHint === 'string' && loginHint ? { loginHint } : {}),
      // Only this value passes: on a shared tablet, the previous person's iD Digital session must not log the next one in.
      reauthenticate: prompt === 'login',
    });
    // The state is also bound to this browser, so a login started elsewhere cannot be completed here.
    void reply
      .setCookie(LOGIN_COOKIE, state, { ...this.cookieOptions(request), path: '/auth', maxAge: 600 })
      .redirect(url.href, 302);
  }

  @Get('auth/callback')
  @Access('public')
  @Endpoint({
    summary: 'Where iD Digital returns: checks state, nonce and PKCE, sets the session cookie, 302 to returnTo',
    tags: ['identity'],
    status: 302,
    produces: 'redirect',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const url = new URL(request.url, this.baseUrl(request));
    const state = url.searchParams.get('state') ?? '';
    const error = url.searchParams.get('error');
    if (error) throw new DomainError('LOGIN_FAILED', { reason: url.searchParams.get('error_description') ?? error });
    if (!state || request.cookies?.[LOGIN_COOKIE] !== state) {
      throw new DomainError('LOGIN_FAILED', { reason: 'state does not match this browser; start the login again' });
    }
    const attempt = await this.sessions.takeLogin(state);
    if (!attempt)
      throw new DomainError('LOGIN_FAILED', { reason: 'login expired or already used; start the login again' });
    const identity = await this.oidc.complete(new URL(`${attempt.redirectUri}${url.search}`), {
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    });
    // A new session on every login, and the one this browser carried ends: a session id
    // planted before the login (fixation) or left from an earlier one is worth nothing after it.
    const previous = request.cookies?.[SESSION_COOKIE];
    if (previous) await this.sessions.end(previous);
    const session = await this.sessions.create(identity.subject, identity.displayName, identity.claims, identity.email);
    void reply
      .clearCookie(LOGIN_COOKIE, { path: '/auth' })
      .setCookie(SESSION_COOKIE, session.id, {
        ...this.cookieOptions(request),
        path: '/',
        maxAge: this.config.sessionTtlSeconds,
      })
      // Checked again on the way out: attempts stored by an earlier version may hold any path.
      .redirect(safeReturnTo(attempt.returnTo, this.baseUrl(request)), 302);
  }

  @Post('auth/logout')
  @HttpCode(200)
  @Access('session')
  @Endpoint({ summary: 'End the session', tags: ['identity'] })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.end(request.caller!.session.id);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { loggedOut: true, endSessionUrl: await this.oidc.endSessionUrl(`${this.baseUrl(request)}/`) };
  }

  @Get('api/me')
  @Access('session')
  @Endpoint({
    summary:
      'The logged-in person: display name, roles, district, eligibility in the current edition, CSRF token, public display name',
    tags: ['identity'],
    response: meResponse,
  })
  async me(@Req() request: FastifyRequest) {
    const { session, roles } = request.caller!;
    const current = await this.editions.current();
    return {
      displayName: session.displayName,
      roles: [...(session.resident ? ['resident'] : []), ...roles],
      district: session.district,
      eligible: eligibility(session, current, new Date()).eligible,
      csrfToken: session.csrfToken,
      publicDisplayName: await this.profiles.displayName(session.subject),
    };
  }

  private baseUrl(request: FastifyRequest): string {
    return this.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? `localhost:${this.config.port}`}`;
  }

  private cookieOptions(request: FastifyRequest) {
    const secure = (this.config.publicUrl ?? `${request.protocol}:`).startsWith('https:');
    return { httpOnly: true, sameSite: 'lax' as const, secure };
  }
}
