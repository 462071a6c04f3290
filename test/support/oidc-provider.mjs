// A real OpenID Connect provider (oidc-provider, with its development login form) for the browser
// tests: `node oidc-provider.mjs <port> <redirect uri>`. Any login is accepted; a login written
// ROLE|ORG|SUB|NAME[|LAS,LAS] becomes a practitioner with those claims, as a council's provider would
// send them. Prints "listening" once it accepts requests.
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);

function claimsOf(accountId) {
  const [role, org, sub, name, las] = accountId.split('|');
  // (the provider names the subject by the account id itself, whatever `sub` says)
  return { sub: sub ?? accountId, name, role, org, las: las ? las.split(',') : [] };
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'haven',
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'haven'],
  claims: { openid: ['sub'], profile: ['name'], haven: ['role', 'org', 'las'] },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => claimsOf(id) }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['haven-test-provider-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => console.log('listening'));
