import { SetMetadata } from '@nestjs/common';
import { Permission } from './permission';

export const ALLOW_METADATA = 'haven:allow';
export const PUBLIC_METADATA = 'haven:public';

/** The permission a query, mutation or field needs; anything without it is denied. */
export const Allow = (permission: Permission) => SetMetadata(ALLOW_METADATA, permission);

/** An HTTP endpoint open without a token (health, the explorer page). */
export const PublicEndpoint = () => SetMetadata(PUBLIC_METADATA, true);
