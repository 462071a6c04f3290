import { Nation, Role } from './role';

/** Who is calling, resolved from a verified token: the input to every access decision. */
export interface Actor {
  readonly practitionerId: string;
  readonly subject: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationCode: string;
  /** The authority whose children a SOCIAL_WORKER or TEAM_MANAGER works with; null for other roles. */
  readonly localAuthorityId: string | null;
  readonly nation: Nation | null;
  /** For an LSCB_ANALYST: the authority codes named in the token's `las` claim. */
  readonly authorityCodes: readonly string[];
}

/** A token's claims once verified and checked for shape. */
export interface TokenClaims {
  sub: string;
  name: string;
  role: Role;
  org: string;
  las: string[];
  email?: string;
  /** When the token expires (a subscription's socket is closed then). */
  expiresAt: Date;
}
