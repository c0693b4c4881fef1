import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** What a fake marketplace was sent, for tests and the demo to look at (GET /__fake/received). */
export type ReceivedRequest = {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  at: number;
  /** The status answered, or null when the fake was told not to answer. */
  status: number | null;
};

/** A misbehaviour for the next `count` requests (that match `path`, a substring, when given). */
export const behaviourSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    /** Any status: 200 with `body` stands for a malformed answer. */
    status: z.int().min(200).max(599),
    /** Sent as the Retry-After header: seconds ("2") or an HTTP date. */
    retryAfter: z.string().optional(),
    body: z.string().optional(),
    count: z.int().min(1).default(1),
    path: z.string().optional(),
  }),
  /** Accept the connection and never answer. */
  z.object({ kind: z.literal('timeout'), count: z.int().min(1).default(1), path: z.string().optional() }),
  /** Answer normally, but only after `delayMs`. */
  z.object({ kind: z.literal('slow'), delayMs: z.int().min(0), count: z.int().min(1).default(1), path: z.string().optional() }),
  /** Send the status and headers at once, then hold the body for `delayMs`. */
  z.object({ kind: z.literal('slow-body'), delayMs: z.int().min(0), count: z.int().min(1).default(1), path: z.string().optional() }),
]);
export type FakeBehaviour = z.input<typeof behaviourSchema>;
type Behaviour = z.output<typeof behaviourSchema>;

/** A parsed request as a marketplace's handler sees it. */
export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  json: () => unknown;
};

export type FakeResponse = { status: number; json?: unknown; text?: string; bytes?: Buffer; headers?: Record<string, string> };

/** A marketplace's routes: answer a request, or null for "no such route" (404). */
export type FakeHandler = (req: FakeRequest) => FakeResponse | null | Promise<FakeResponse | null>;

export type FakeServer = {
  readonly baseUrl: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  behave(behaviour: FakeBehaviour): void;
  clearBehaviour(): void;
  close(): Promise<void>;
};

const ADMIN_PREFIX = '/__fake/';

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A node:http server on 127.0.0.1 that records every request, plays queued misbehaviours, answers
 * the admin routes under /__fake/ and hands everything else to the marketplace's handler.
 * `admin` adds marketplace-specific admin routes (orders, failing SKUs).
 */
export async function startFakeServer(options: {
  port?: number;
  handler: FakeHandler;
  admin?: (req: FakeRequest) => FakeResponse | null;
}): Promise<FakeServer> {
  const received: ReceivedRequest[] = [];
  const queue: Behaviour[] = [];
  const hanging = new Set<ServerResponse>();
  let seq = 0;

  const takeBehaviour = (path: string): Behaviour | null => {
    const index = queue.findIndex((b) => !b.path || path.includes(b.path));
    if (index < 0) return null;
    const behaviour = queue[index]!;
    if (behaviour.count <= 1) queue.splice(index, 1);
    else queue[index] = { ...behaviour, count: behaviour.count - 1 };
    return behaviour;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const headers = flatHeaders(req);
      const fakeReq: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        json: () => JSON.parse(body),
      };

      if (url.pathname.startsWith(ADMIN_PREFIX)) {
        if (url.pathname === '/__fake/received' && req.method === 'GET') {
          const after = Number(url.searchParams.get('after') ?? '0');
          return json(res, 200, received.filter((r) => r.seq > after));
        }
        if (url.pathname === '/__fake/received' && req.method === 'DELETE') {
          received.length = 0;
          return json(res, 200, { ok: true });
        }
        if (url.pathname === '/__fake/behaviour' && req.method === 'POST') {
          const parsed = behaviourSchema.safeParse((() => { try { return JSON.parse(body); } catch { return null; } })());
          if (!parsed.success) return json(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
          queue.push(parsed.data);
          return json(res, 200, { queued: queue.length });
        }
        if (url.pathname === '/__fake/behaviour' && req.method === 'DELETE') {
          queue.length = 0;
          return json(res, 200, { ok: true });
        }
        const answer = options.admin?.(fakeReq);
        if (answer) return send(res, answer);
        return json(res, 404, { error: 'no such admin route' });
      }

      const record: ReceivedRequest = {
        seq: ++seq,
        method: fakeReq.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body,
        at: Date.now(),
        status: null,
      };
      received.push(record);

      const behaviour = takeBehaviour(url.pathname);
      if (behaviour?.kind === 'timeout') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (behaviour?.kind === 'status') {
        record.status = behaviour.status;
        const extra: Record<string, string> = behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter };
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...extra });
        res.end(behaviour.body ?? JSON.stringify({ error: `fake ${behaviour.status}` }));
        return;
      }
      if (behaviour?.kind === 'slow') await new Promise((r) => setTimeout(r, behaviour.delayMs));

      let answer: FakeResponse | null;
      try {
        answer = await options.handler(fakeReq);
      } catch (err) {
        answer = { status: 500, json: { error: err instanceof Error ? err.message : String(err) } };
      }
      answer ??= { status: 404, json: { error: `no route ${fakeReq.method} ${url.pathname}` } };
      record.status = answer.status;
      if (behaviour?.kind === 'slow-body') {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.write(' ');
        hanging.add(res);
        await new Promise((r) => setTimeout(r, behaviour.delayMs));
        hanging.delete(res);
        if (!res.destroyed) res.end(payloadOf(answer));
        return;
      }
      send(res, answer);
    })().catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    received,
    behave: (behaviour) => queue.push(behaviourSchema.parse(behaviour)),
    clearBehaviour: () => {
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function payloadOf(answer: FakeResponse): string | Buffer {
  if (answer.bytes) return answer.bytes;
  if (answer.text !== undefined) return answer.text;
  return answer.json === undefined ? '' : JSON.stringify(answer.json);
}

function send(res: ServerResponse, answer: FakeResponse) {
  const type = answer.bytes ? 'application/octet-stream' : answer.text !== undefined ? 'text/plain' : 'application/json';
  res.writeHead(answer.status, { 'content-type': type, ...answer.headers });
  res.end(payloadOf(answer));
}
