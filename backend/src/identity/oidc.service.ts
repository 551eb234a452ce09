import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { CONFIG, type Config } from '../config/config';
import { DomainError } from '../shared/domain-error';
import type { ResidentClaims } from '../http/sessions';

export interface VerifiedIdentity {
  subject: string;
  displayName: string;
  claims: ResidentClaims;
  /** The `email` claim (scope `email`), when the provider gives one. */
  email: string | null;
}

/**
 * The backend is the OIDC client of iD Digital Mty+: authorization code with PKCE,
 * state and nonce checked, ID token validated by openid-client. Tokens never reach the SPA.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.config.oidc;
      const insecure = new URL(issuer).protocol === 'http:';
      this.configuration = oidc
        .discovery(
          new URL(issuer),
          clientId,
          clientSecret,
          undefined,
          insecure ? { execute: [oidc.allowInsecureRequests] } : {},
        )
        .catch((error: unknown) => {
          this.configuration = null;
          this.logger.error(`identity provider ${issuer} unreachable: ${String(error)}`);
          throw new DomainError('UNAVAILABLE');
        });
    }
    return this.configuration;
  }

  async authorizationUrl(params: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    loginHint?: string;
    /** Ask iD Digital to authenticate the person again even if it holds a session (a shared kiosk tablet). */
    reauthenticate?: boolean;
  }): Promise<URL> {
    const configuration = await this.discover();
    const parameters: Record<string, string> = {
      redirect_uri: params.redirectUri,
      scope: 'openid profile mty email',
      code_challenge: await oidc.calculatePKCECodeChallenge(params.codeVerifier),
      code_challenge_method: 'S256',
      state: params.state,
      nonce: params.nonce,
    };
    if (params.loginHint) parameters['login_hint'] = params.loginHint;
    if (params.reauthenticate) parameters['prompt'] = 'login';
    return oidc.buildAuthorizationUrl(configuration, parameters);
  }

  async complete(
    currentUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedIdentity> {
    const configuration = await this.discover();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return {
        subject: claims.sub,
        displayName: typeof claims['name'] === 'string' ? claims['name'] : claims.sub,
        email: typeof claims['email'] === 'string' ? claims['email'] : null,
        claims: {
          curp: typeof claims['curp'] === 'string' ? claims['curp'] : null,
          birthdate: typeof claims['birthdate'] === 'string' ? claims['birthdate'] : null,
          district: typeof claims['district'] === 'string' ? claims['district'] : null,
          resident: claims['resident'] === true,
        },
      };
    } catch (error) {
      this.logger.warn(`login rejected: ${describeRejection(error)}`);
      throw new DomainError('LOGIN_FAILED', { reason: (error as Error).message });
    }
  }

  async endSessionUrl(postLogoutRedirectUri: string): Promise<string | null> {
    try {
      const configuration = await this.discover();
      return oidc.buildEndSessionUrl(configuration, { post_logout_redirect_uri: postLogoutRedirectUri }).href;
    } catch {
      return null;
    }
  }
}

/**
 * What an operator needs to know about a rejected login: the error's class, openid-client
 * code, OAuth error name and message (openid-client's messages name fields, never their
 * values). Its cause is left out: it holds the callback's parameters or the provider's answer.
 */
function describeRejection(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  const parts = [error.name, code, oauthError].filter((part) => typeof part === 'string' && part !== '');
  return `${parts.join(' ')}: ${error.message}`;
}
