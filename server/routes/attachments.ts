import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../app';
import type { AppContext } from '../context';
import { AppError, invalid, notFound } from '../errors';
import { findVisibleAppeal } from '../repositories/appeals';
import { findAttachment, insertAttachment } from '../repositories/attachments';

/** File types residents and units may attach: photos, short video, voice, PDF. */
export const ALLOWED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'audio/mpeg',
  'audio/amr',
  'audio/mp4',
  'application/pdf',
]);

/** Upload (multipart field `file`) before submitting, then reference the id; download if you may see the appeal. */
export async function attachmentRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post('/api/attachments', { schema: { tags: ['attachments'], summary: 'Upload one file (multipart/form-data, field "file")', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const p = requirePrincipal(req);
    if (!req.isMultipart()) throw invalid('file', 'send multipart/form-data with a field named file');
    const file = await req.file();
    if (!file) throw invalid('file', 'no file in the request');
    if (!ALLOWED_TYPES.has(file.mimetype)) throw invalid('file', `type ${file.mimetype} is not accepted (photos, video, audio or PDF)`);
    const bytes = await file.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'file: larger than 10 MB');
      throw err;
    });
    if (bytes.length === 0) throw invalid('file', 'the file is empty');
    const stored = await ctx.attachments.put(bytes);
    const id = crypto.randomUUID();
    const filename = file.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
    await insertAttachment(
      ctx.pool,
      { id, filename, mimeType: file.mimetype, byteSize: bytes.length, sha256: stored.sha256, storageKey: stored.key, userId: p.kind === 'staff' ? p.userId : null, phone: p.kind === 'resident' ? p.phone : null },
      ctx.now(),
    );
    return reply.status(201).send({ data: { id, filename, mimeType: file.mimetype, byteSize: bytes.length } });
  });
  app.get('/api/attachments/:id', { schema: { tags: ['attachments'], summary: 'Download a file of a visible appeal', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const p = requirePrincipal(req);
    const file = await findAttachment(ctx.pool, req.params.id);
    if (!file || !file.appealId || !(await findVisibleAppeal(ctx.pool, p, file.appealId))) throw notFound('attachment');
    const bytes = await ctx.attachments.read(file.storageKey);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
}
