// Push API signatures: X-Minsheng-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
// with X-Minsheng-Timestamp in unix seconds. Signing the timestamp with the body makes a captured
// request useless after MAX_SKEW_SECONDS; the raw bytes are signed, so nothing may re-serialise
// the body before it is checked.
import crypto from 'node:crypto';

/** How far a push's timestamp may be from the server's clock, either way. */
export const MAX_SKEW_SECONDS = 300;

/** The X-Minsheng-Signature value for a body (used by push clients, tests, the bench). */
export function signPush(secret: string, timestamp: number | string, body: string | Buffer): string {
  const mac = crypto.createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

/** Why a push is refused, or null when its timestamp and signature are good. */
export function checkPushSignature(secret: string, timestamp: string | undefined, signature: string | undefined, body: Buffer, now: Date): string | null {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'X-Minsheng-Timestamp missing or not unix seconds';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return `X-Minsheng-Timestamp more than ${MAX_SKEW_SECONDS} s from the server clock`;
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return 'X-Minsheng-Signature missing or not sha256=<hex>';
  const expected = Buffer.from(signPush(secret, timestamp, body).slice(7), 'hex');
  const given = Buffer.from(signature.slice(7), 'hex');
  return crypto.timingSafeEqual(expected, given) ? null : 'signature does not match';
}

/** A new random push secret (shown once, on create or rotate). */
export function newPushSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}
