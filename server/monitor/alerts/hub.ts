// The live alert stream's fan-out on one app node: one pooled connection LISTENs on the alert
// channel; each NOTIFY (sent on commit by the ingest pipeline or the duty console) is coalesced
// with any arriving in the same tick, the alerts are read once, presented once and written to
// every open duty console as Server-Sent Events. App nodes share nothing but PostgreSQL.
import type { ServerResponse } from 'node:http';
import type { Pool, PoolClient } from '../../db/pool';
import { presentAlert, type AlertView } from '../../presenters/monitor';
import { loadAlertRows, loadAlertRowsChangedSince } from '../../repositories/monitor-alerts';
import { ALERT_CHANNEL, parseAlertPayload } from './notify';

export const PING_MS = 15_000;
const RETRY_MS = 3000;
/** A console this far behind (bytes not yet sent) is disconnected; it reconnects and catches up. */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
const REPLAY_LIMIT = 500;
const REPLAY_MAX_AGE_MS = 24 * 3_600_000;

/** One SSE frame. Data is JSON on one line (JSON.stringify escapes newlines). */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The event id of an alert's state: its last change in ms, what Last-Event-ID sends back. */
function eventId(view: AlertView): string {
  return String(Date.parse(view.updatedAt));
}

/** Fan-out of alert changes to this node's open streams. */
export class AlertHub {
  private readonly clients = new Set<ServerResponse>();
  private listener: PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private readonly pending = new Set<string>();
  private isFlushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private ping: NodeJS.Timeout | null = null;
  private isClosed = false;

  constructor(
    private readonly pool: Pool,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Open streams on this node. */
  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream on a raw response: headers, hello, catch-up since Last-Event-ID, then live alerts. */
  async open(res: ServerResponse, lastEventId: string | undefined): Promise<void> {
    await this.listen();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer; compression never applies (the reply is hijacked).
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n${sseFrame('hello', { at: new Date().toISOString(), pingSeconds: PING_MS / 1000 })}`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    const since = Number(lastEventId);
    if (Number.isFinite(since) && since > Date.now() - REPLAY_MAX_AGE_MS) {
      const rows = await loadAlertRowsChangedSince(this.pool, new Date(since), REPLAY_LIMIT);
      for (const row of rows) {
        const view = presentAlert(row);
        res.write(sseFrame('alert', view, eventId(view)));
      }
    }
    this.ping ??= setInterval(() => this.broadcast(': ping\n\n'), PING_MS).unref();
  }

  private async listen(): Promise<void> {
    if (this.listener || this.isClosed) return;
    this.connecting ??= (async () => {
      const client = await this.pool.connect();
      client.on('notification', (msg) => {
        if (msg.channel === ALERT_CHANNEL) this.onNotify(msg.payload);
      });
      client.on('error', (err) => this.lost(client, err));
      await client.query(`listen ${ALERT_CHANNEL}`);
      this.listener = client;
    })().finally(() => {
      this.connecting = null;
    });
    await this.connecting;
  }

  /** The listening connection died: drop it and listen again (streams stay open). */
  private lost(client: PoolClient, err: unknown): void {
    if (this.listener !== client) return; // already dropped (a dying connection may report twice)
    this.onError(err);
    this.listener = null;
    client.release(true);
    if (!this.isClosed) setTimeout(() => void this.listen().catch(this.onError), 1000).unref();
  }

  private onNotify(payload: string | undefined): void {
    for (const id of parseAlertPayload(payload)) this.pending.add(id);
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    // Coalesce notifications of the same tick; flushes run one after another so a console never
    // receives an older state of an alert after a newer one.
    setImmediate(() => {
      this.isFlushScheduled = false;
      this.chain = this.chain.then(() => this.flush()).catch(this.onError);
    });
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0 || this.clients.size === 0) return;
    const rows = await loadAlertRows(this.pool, ids);
    let frames = '';
    for (const row of rows) {
      const view = presentAlert(row);
      frames += sseFrame('alert', view, eventId(view));
    }
    if (frames) this.broadcast(frames);
  }

  private broadcast(chunk: string): void {
    for (const res of this.clients) {
      if (res.writableLength > MAX_BACKLOG_BYTES) {
        res.end();
        this.clients.delete(res);
        continue;
      }
      res.write(chunk);
    }
  }

  /** Ends every stream and stops listening (app shutdown). */
  async close(): Promise<void> {
    this.isClosed = true;
    if (this.ping) clearInterval(this.ping);
    for (const res of this.clients) res.end();
    this.clients.clear();
    await this.connecting?.catch(() => undefined);
    const client = this.listener;
    this.listener = null;
    if (client) {
      await client.query(`unlisten ${ALERT_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }
}
