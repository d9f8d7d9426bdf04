import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../app';
import { importPlaceList } from '../commands/places';
import type { AppContext } from '../context';
import { forgetPlaceReference } from '../dispatch/place-lookup';
import { PlaceListError } from '../dispatch/place/placeList';
import { invalid, notFound } from '../errors';
import { deletePlace, listPlaces } from '../repositories/places';

const ListQuery = z
  .object({
    q: z.string().trim().max(40).optional(),
    region: z.string().regex(/^\d{6,12}$/, '区划代码为6–12位数字').optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const ImportBody = z
  .object({
    csv: z.string().min(1, '请上传地名库CSV文件').max(5_000_000, '文件超过5 MB'),
    replace: z.boolean().default(false),
  })
  .strict();

/** The city's own place list (地名库): admins load and edit it; the place extractor reads it. */
export async function placeRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const admin = requireAdmin;

  app.get('/api/admin/places', { schema: { tags: ['dispatch'], summary: 'The city’s place list (地名库), paged', querystring: ListQuery } }, async (req) => {
    admin(req);
    const { rows, total } = await listPlaces(ctx.pool, { q: req.query.q || undefined, regionCode: req.query.region, page: req.query.page, pageSize: req.query.pageSize });
    return { data: rows, page: { page: req.query.page, pageSize: req.query.pageSize, total } };
  });

  app.post(
    '/api/admin/places/import',
    { schema: { tags: ['dispatch'], summary: 'Load a place list from CSV (名称, 类型, 区域); all or nothing', body: ImportBody } },
    async (req) => {
      admin(req);
      try {
        return { data: await importPlaceList(ctx.pool, req.body.csv, req.body.replace) };
      } catch (e) {
        if (e instanceof PlaceListError) throw invalid('body.csv', e.message);
        throw e;
      }
    },
  );

  app.delete(
    '/api/admin/places/:regionCode/:name',
    { schema: { tags: ['dispatch'], summary: 'Remove one place', params: z.object({ regionCode: z.string().regex(/^\d{6,12}$/), name: z.string().min(1).max(40) }) } },
    async (req) => {
      admin(req);
      if (!(await deletePlace(ctx.pool, req.params.name, req.params.regionCode))) throw notFound('place');
      forgetPlaceReference();
      return { data: { name: req.params.name, regionCode: req.params.regionCode } };
    },
  );
}
