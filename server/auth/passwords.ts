import { hash, verify } from '@node-rs/argon2';

/** Argon2id hash of a password (library defaults: OWASP-recommended memory and time costs). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time check of a password against its stored hash; false on a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
