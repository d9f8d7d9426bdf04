/**
 * The typed API client: fetch with the session cookie, the `{data, page}` envelope in, the
 * `{error:{code,message,details}}` envelope out as an ApiError.
 */
import type { ErrorCode } from '../../shared/domain';

/** One field the server named in a validation error, e.g. `body.reason`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error answer from the API (or the network), with the server's code and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route or the record does not exist (or the caller may not see it). */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** The message for people: the server's own when it is Chinese, else a Chinese one by code (with the original kept for support). */
  get userMessage(): string {
    if (/[\u4e00-\u9fff]/.test(this.message)) return this.message;
    const text = CODE_MESSAGES[this.code];
    return text ? `${text}（${this.message}）` : this.message;
  }
}

const CODE_MESSAGES: Partial<Record<ApiError['code'], string>> = {
  VALIDATION_FAILED: '请检查填写的内容',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限执行此操作',
  NOT_FOUND: '未找到，或您无权查看',
  INVALID_TRANSITION: '诉求状态已变化，此操作当前不可用，请刷新',
  VERSION_CONFLICT: '诉求刚被他人更新，请刷新后再试',
  CONFLICT: '操作与当前情况冲突',
  OTP_INVALID: '验证码错误或已过期',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '文件太大（不超过10MB）',
  INTERNAL: '服务器出错了，请稍后重试或联系管理员',
  NETWORK: '网络连接失败，请检查网络后重试',
};

/** The paging block of list answers. */
export interface Page {
  page: number;
  pageSize: number;
  total: number;
}

/** A successful answer. */
export interface Envelope<T> {
  data: T;
  page?: Page;
}

type QueryValue = string | number | boolean | undefined | null;

/** Query parameters; empty values are dropped so filters can be passed as they are. */
export type Query = Record<string, QueryValue>;

/** Builds `path?query` without the empty parameters. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function detailsOf(raw: unknown): FieldProblem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d: unknown) => {
    if (d && typeof d === 'object' && 'field' in d && typeof d.field === 'string') {
      const message = 'message' in d && typeof d.message === 'string' ? d.message : '';
      return [{ field: d.field, message }];
    }
    return [];
  });
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page): fall through to the generic message.
  }
  const err = body && typeof body === 'object' && 'error' in body ? (body.error as Record<string, unknown> | null) : null;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, (err.code as ErrorCode) ?? 'INTERNAL', err.message, detailsOf(err.details));
  }
  return new ApiError(res.status, res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `服务器返回 ${res.status}`);
}

/** A GET started before the first render asked for it (early.ts), and its answer once arrived. */
type EarlyAnswer = { answer: Promise<Envelope<unknown>>; startedAt: number; arrived?: Envelope<unknown> };
/** Prefetched answers by URL; each is handed out once. */
const early = new Map<string, EarlyAnswer>();
/** A prefetched answer older than this is not handed out: the page asks again. */
const EARLY_TTL_MS = 10_000;

/** Starts a GET that the first screen will make, so it runs while the page's code downloads. */
export function prefetch(path: string, query?: Query): void {
  const url = withQuery(path, query);
  if (early.has(url)) return;
  const entry: EarlyAnswer = { answer: send<unknown>('GET', url, {}), startedAt: Date.now() };
  entry.answer.then(
    (env) => void (entry.arrived = env),
    () => undefined, // handled by whoever takes it; never an unhandled rejection meanwhile
  );
  early.set(url, entry);
}

/** The prefetched entry for `url`, once, while fresh (a 401 too: any login or logout since is a POST, which drops them all). */
function takeEntry(url: string) {
  const hit = early.get(url);
  if (!hit) return undefined;
  early.delete(url);
  return Date.now() - hit.startedAt > EARLY_TTL_MS ? undefined : hit;
}

/** The prefetched answer for `url` as a promise, once. */
function takeEarly<T>(url: string): Promise<Envelope<T>> | null {
  return (takeEntry(url)?.answer as Promise<Envelope<T>> | undefined) ?? null;
}

/**
 * The prefetched answer for `path` if it has already arrived, taken (once) for a component's first
 * render — which then shows the data at once instead of a loading state and a second render.
 * Undefined while it is still on its way or when it failed (the component asks as usual).
 */
export function takeArrived<T>(path: string, query?: Query): Envelope<T> | undefined {
  const url = withQuery(path, query);
  if (!early.get(url)?.arrived) return undefined;
  return takeEntry(url)?.arrived as Envelope<T> | undefined;
}

/** `answer`, rejected with an AbortError as soon as `signal` aborts (as fetch itself would). */
function abortable<T>(answer: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return answer;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The request was aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Sends one request and returns the envelope; throws ApiError on any non-2xx answer. */
export function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<Envelope<T>> {
  const url = withQuery(path, opts.query);
  if (method !== 'GET') early.clear(); // a login, logout or change makes answers fetched before it stale
  const prefetched = method === 'GET' ? takeEarly<T>(url) : null;
  if (prefetched) return abortable(prefetched, opts.signal);
  return send<T>(method, url, opts);
}

async function send<T>(method: string, url: string, opts: { body?: unknown; signal?: AbortSignal }): Promise<Envelope<T>> {
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' }, signal: opts.signal };
  if (opts.body !== undefined) {
    init.body = isForm ? (opts.body as FormData) : JSON.stringify(opts.body);
    if (!isForm) init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return { data: undefined as T };
  return (await res.json()) as Envelope<T>;
}

/** Shorthands for the verbs the UI uses. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** Uploads one file (multipart field `file`) and returns its attachment record. */
  upload: (file: File | Blob, filename?: string) => {
    const form = new FormData();
    form.append('file', file, filename ?? (file instanceof File ? file.name : 'photo.jpg'));
    return request<{ id: string; filename: string; mimeType: string; byteSize: number }>('POST', '/api/attachments', { body: form });
  },
};

/** The message to show for any thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage;
  if (e instanceof Error) return e.message;
  return '出现未知错误';
}

/**
 * Field name for a server field path: `body.reason` → `reason`, `body.coUnitIds.0` → `coUnitIds`,
 * `coUnitIds[1]` → `coUnitIds`; `querystring.phone` → `phone`.
 */
export function formFieldOf(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  const rest = ['body', 'querystring', 'params'].includes(parts[0] ?? '') ? parts.slice(1) : parts;
  return rest.find((p) => !/^\d+$/.test(p)) ?? field;
}
