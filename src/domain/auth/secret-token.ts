// Random secrets handed to people (session tokens, invite and password-reset links): only their
// sha256 is stored, so a database leak does not leak a usable secret.
import { createHash, randomBytes } from 'node:crypto';

export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 32 random bytes, URL-safe: fits a cookie, a header and a link's path. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');
