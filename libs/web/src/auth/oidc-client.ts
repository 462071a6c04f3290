import { Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { OidcConfig } from '@haven/platform';

/** A sign-in under way: what the callback must check, kept in the session meanwhile. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/**
 * The council's OpenID Connect provider, through openid-client: the authorization code flow with PKCE
 * (S256), state and nonce. The provider's metadata is discovered on first use and again after a
 * failure, so the service starts even when the provider is down.
 */
export class OidcClient {
  private readonly logger = new Logger('SignIn');
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private readonly config: OidcConfig,
    /** http:// issuers (a provider run by the tests) are allowed outside production only. */
    private readonly allowHttp: boolean,
  ) {}

  /** Where to send the browser, and what to keep until it comes back. */
  async start(redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending = { codeVerifier, state: oidc.randomState(), nonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.config.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Exchanges the code the provider sent back (checking state, nonce and the PKCE verifier) and returns
   * the practitioner's claims: the ID token's, completed by the userinfo endpoint's.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new TypeError('The identity provider sent no ID token');
    const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  }

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(this.config.issuerUrl),
        this.config.clientId,
        this.config.clientSecret,
        this.config.clientSecret ? undefined : oidc.None(),
        this.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.warn(`The identity provider could not be reached: ${(error as Error).message}`);
        throw error;
      });
    return this.discovered;
  }
}
