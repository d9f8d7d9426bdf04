import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../app';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { closeSession, openSession, setSessionCookie, SESSION_COOKIE } from '../auth/session';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { findUserByUsername } from '../repositories/users';

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

/** Staff login, logout and "who am I". */
export async function authRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Staff login; sets a session cookie and returns a bearer token',
        body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(100), password: z.string().min(1, '请输入密码').max(200) }).strict(),
      },
    },
    async (req, reply) => {
      const user = await findUserByUsername(ctx.pool, req.body.username);
      dummyHash ??= hashPassword('minsheng-no-such-user');
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), req.body.password);
      if (!user || !ok || !user.isActive) throw new AppError(401, 'UNAUTHENTICATED', '用户名或密码错误');
      const { token, expiresAt } = await openSession(ctx, { userId: user.id });
      setSessionCookie(ctx, reply, token, expiresAt);
      return { data: { token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId } } };
    },
  );
  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (req, reply) => {
    await closeSession(ctx, req);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { data: { ok: true } };
  });
  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The current principal' } }, async (req) => ({ data: requirePrincipal(req) }));
}
