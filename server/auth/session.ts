import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { deleteSession, findSession, insertSession } from '../repositories/sessions';
import { findUnit } from '../repositories/units';
import { findUserById } from '../repositories/users';
import type { Principal } from './principal';

export const SESSION_COOKIE = 'ms_session';
const STAFF_TTL_MS = 12 * 3600 * 1000;
const RESIDENT_TTL_MS = 30 * 24 * 3600 * 1000;

/** SHA-256 of a token: what the sessions table keeps, so a database leak yields no live tokens. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Opens a session for a staff user or a verified resident phone; returns the bearer token. */
export async function openSession(
  ctx: AppContext,
  who: { userId: string } | { residentPhone: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const isStaff = 'userId' in who;
  const expiresAt = new Date(ctx.now().getTime() + (isStaff ? STAFF_TTL_MS : RESIDENT_TTL_MS));
  await insertSession(ctx.pool, {
    tokenHash: hashToken(token),
    userId: isStaff ? who.userId : null,
    residentPhone: isStaff ? null : who.residentPhone,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure unless configured for plain HTTP). */
export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, expires: expiresAt });
}

/** The token of a request: `Authorization: Bearer …` first, else the session cookie. */
export function requestToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return req.cookies[SESSION_COOKIE] ?? null;
}

/** Resolves the principal of a request, or null when there is no live session. */
export async function resolvePrincipal(ctx: AppContext, req: FastifyRequest): Promise<Principal | null> {
  const token = requestToken(req);
  if (!token) return null;
  const session = await findSession(ctx.pool, hashToken(token), ctx.now());
  if (!session) return null;
  if (session.residentPhone) return { kind: 'resident', phone: session.residentPhone };
  if (!session.userId) return null;
  const user = await findUserById(ctx.pool, session.userId);
  if (!user || !user.isActive) return null;
  const unit = user.unitId ? await findUnit(ctx.pool, user.unitId) : null;
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, regionCode: unit.regionCode, regionPath: unit.regionPath } : null,
  };
}

/** Ends the request's session. */
export async function closeSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const token = requestToken(req);
  if (token) await deleteSession(ctx.pool, hashToken(token));
}
