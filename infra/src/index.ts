export { accountClaims, WELL_KNOWN_ACCOUNTS, type AccountClaims } from './idp/accounts';
export { CookieJar } from './idp/cookie-jar';
export { followRedirects, type FollowRedirectsOptions, type RedirectsFollowed } from './idp/follow-redirects';
export {
  startIdentityProvider,
  type IdentityProviderClient,
  type IdentityProviderOptions,
  type RunningIdentityProvider,
} from './idp/identity-provider';
