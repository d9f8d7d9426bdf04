import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHONE_PATTERN } from '../../shared/domain';
import { openSession, setSessionCookie } from '../auth/session';
import type { AppContext } from '../context';
import { withTransaction } from '../db/pool';
import { AppError } from '../errors';
import { consumeOtp, countRecentOtps, insertOtp, latestOtp, recordOtpAttempt } from '../repositories/otps';

export const OTP_TTL_MS = 5 * 60 * 1000;
const OTP_RESEND_MS = 60 * 1000;
const OTP_PER_DAY = 10;
const OTP_MAX_ATTEMPTS = 5;

const phone = z.string().trim().regex(PHONE_PATTERN, '请输入正确的手机号');

/** SHA-256 of phone and code: the table never holds a usable code. */
export function otpHash(phoneNumber: string, code: string): string {
  return crypto.createHash('sha256').update(`${phoneNumber}:${code}`).digest('hex');
}

/** Residents prove a phone with a one-time code and get a resident session. */
export async function residentRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/resident/otp',
    { schema: { tags: ['resident'], summary: 'Send a one-time code to a phone (SMS; in development the outbox and the log)', body: z.object({ phone }).strict() } },
    async (req, reply) => {
      const now = ctx.now();
      const p = req.body.phone;
      await withTransaction(ctx.pool, async (db) => {
        await db.query('select pg_advisory_xact_lock(hashtext($1))', [`otp:${p}`]);
        const last = await latestOtp(db, p);
        if (last && now.getTime() - last.createdAt.getTime() < OTP_RESEND_MS) throw new AppError(429, 'RATE_LIMITED', '验证码发送过于频繁，请稍后再试');
        if ((await countRecentOtps(db, p, new Date(now.getTime() - 24 * 3600 * 1000))) >= OTP_PER_DAY) throw new AppError(429, 'RATE_LIMITED', '今日验证码次数已用完');
        const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
        await insertOtp(db, { id: crypto.randomUUID(), phone: p, codeHash: otpHash(p, code), expiresAt: new Date(now.getTime() + OTP_TTL_MS) }, now);
        await ctx.sms.send(db, p, `【民声】您的验证码是${code}，5分钟内有效。`);
      });
      return reply.status(202).send({ data: { phone: p, expiresInSeconds: OTP_TTL_MS / 1000 } });
    },
  );
  app.post(
    '/api/resident/session',
    {
      schema: {
        tags: ['resident'],
        summary: 'Exchange a phone and its one-time code for a resident session',
        body: z.object({ phone, code: z.string().trim().regex(/^\d{6}$/, '验证码为6位数字') }).strict(),
      },
    },
    async (req, reply) => {
      const now = ctx.now();
      const { phone: p, code } = req.body;
      const verified = await withTransaction(ctx.pool, async (db) => {
        const otp = await latestOtp(db, p, true);
        if (!otp || otp.consumedAt || otp.expiresAt <= now || otp.attempts >= OTP_MAX_ATTEMPTS) return false;
        if (otp.codeHash !== otpHash(p, code)) {
          await recordOtpAttempt(db, otp.id);
          return false;
        }
        await consumeOtp(db, otp.id, now);
        return true;
      });
      if (!verified) throw new AppError(400, 'OTP_INVALID', '验证码错误或已过期', [{ field: 'body.code', message: '验证码错误或已过期' }]);
      const { token, expiresAt } = await openSession(ctx, { residentPhone: p });
      setSessionCookie(ctx, reply, token, expiresAt);
      return { data: { token, expiresAt, phone: p } };
    },
  );
}
