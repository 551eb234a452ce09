import { identityProviderOptionsFromEnv } from './environment';
import { startIdentityProvider } from './identity-provider';

// Standalone iD Digital Mty+ stand-in, configured by IDP_* environment variables.
async function main(): Promise<void> {
  const options = identityProviderOptionsFromEnv(process.env);
  const idp = await startIdentityProvider(options);
  const autoLogin = options.autoLogin ? 'on' : 'off';
  console.log(`iD Digital Mty+ stand-in listening at ${idp.issuer} (login_hint auto-login ${autoLogin})`);
  const shutDown = (signal: NodeJS.Signals) => {
    console.log(`${signal} received, closing the identity provider`);
    idp.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
