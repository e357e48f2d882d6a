import { createHmac } from 'node:crypto';
import { BoundedCache } from '../shared/bounded-cache.ts';

/** Turns a platform id into a stable pseudonym; the same secret and id always give the same result. */
export type Pseudonymiser = (id: string) => string;

/** How many pseudonyms are remembered: every turn asks for the same few (its user and conversation) again. */
const CACHE_SIZE = 10_000;

/** A keyed hash (HMAC-SHA256, first 32 hex characters): stable per id, unlinkable to it without the secret. */
export function pseudonymiser(secret: string): Pseudonymiser {
  if (secret.length < 16) throw new Error('The analytics secret is shorter than 16 characters; set ANALYTICS_SECRET to a long random value.');
  const cache = new BoundedCache<string, string>(CACHE_SIZE);
  return (id) => {
    let pseudonym = cache.get(id);
    if (pseudonym === undefined) {
      pseudonym = createHmac('sha256', secret).update(id).digest('hex').slice(0, 32);
      cache.set(id, pseudonym);
    }
    return pseudonym;
  };
}
