import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '../shared/domain';
import type { Principal, StaffPrincipal } from './auth/principal';
import { resolvePrincipal } from './auth/session';
import type { AppContext } from './context';
import { AppError, forbidden, unauthenticated } from './errors';
import { registerRoutes } from './routes';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The principal of a request, or 401. */
export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}

/** A staff principal, or 401 (residents have no staff session). */
export function requireStaff(req: FastifyRequest): StaffPrincipal {
  const p = req.principal;
  if (!p || p.kind !== 'staff') throw unauthenticated('staff login required');
  return p;
}

/** A staff member with the admin role, else 403. */
export function requireAdmin(req: FastifyRequest): StaffPrincipal {
  const p = requireStaff(req);
  if (p.role !== 'admin') throw forbidden('administrators only');
  return p;
}

// PostgreSQL errors that mean "someone else got there first": report as 409, never 500.
const PG_CONFLICTS: Record<string, string> = {
  '40001': 'serialization failure; retry',
  '40P01': 'deadlock with a concurrent change; retry',
  '23505': 'duplicate value',
};

/**
 * Content types worth compressing: text, JSON, JavaScript, SVG and XML — never text/event-stream,
 * whose events must reach the client one by one instead of waiting in a compressor's buffer.
 */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/event-stream') return false;
  return /^text\/|^application\/(?:json|javascript|xml)$|\+(?:json|xml)$|^image\/svg\+xml$/.test(type);
}

/** The built web UI that the server hosts (a test may point elsewhere). */
const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Builds the HTTP application over a context; no listening, so tests use `inject`. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean | object; webDist?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Brotli or gzip for answers over 1 KB (a compressor's framing would outweigh the saving below);
  // the UI's static files are compressed once at build time and served as they are (preCompressed).
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: isCompressible });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.attachmentBytesMax, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Minsheng 民声 API', version: '1.0.0', description: 'The closed loop of residents’ appeals: 反映—受理—交办—督办—反馈.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'ms_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('principal', null);
  // Only the API needs to know who is asking: static files and pages skip the session lookup.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/')) req.principal = await resolvePrincipal(ctx, req);
  });

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = details[0];
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: first ? `${first.field}: ${first.message}` : 'invalid request', details } });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode && PG_CONFLICTS[pgCode]) return reply.status(409).send({ error: { code: 'CONFLICT', message: PG_CONFLICTS[pgCode] } });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      return reply.status(status).send({ error: { code, message: (err as Error).message } });
    }
    req.log.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  const webDist = opts.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web/dist needs no restart.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: ['index.html'],
      // The .br/.gz siblings written by the build, picked by the request's Accept-Encoding.
      preCompressed: true,
      // send's own Cache-Control would overwrite the one set below.
      cacheControl: false,
      // Vite names assets by content hash: cache them for good; index.html is always revalidated.
      setHeaders: (res, filePath) => {
        const isAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: any non-API, non-asset GET gets index.html.
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });

  await registerRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
