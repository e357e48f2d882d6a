import { createHmac } from 'node:crypto';

/** Turns a platform id into a stable pseudonym; the same secret and id always give the same result. */
export type Pseudonymiser = (id: string) => string;

/** A keyed hash (HMAC-SHA256, first 32 hex characters): stable per id, unlinkable to it without the secret. */
export function pseudonymiser(secret: string): Pseudonymiser {
  if (secret.length < 16) throw new Error('The analytics secret is shorter than 16 characters; set ANALYTICS_SECRET to a long random value.');
  return (id) => createHmac('sha256', secret).update(id).digest('hex').slice(0, 32);
}
