export { accountClaims, WELL_KNOWN_ACCOUNTS, type AccountClaims } from './idp/accounts';
export { followRedirects, type FollowRedirectsOptions, type RedirectsFollowed } from './idp/follow-redirects';
export {
  startIdentityProvider,
  type IdentityProviderClient,
  type IdentityProviderOptions,
  type RunningIdentityProvider,
} from './idp/identity-provider';
export { Session, type Answer } from './testing/session';
