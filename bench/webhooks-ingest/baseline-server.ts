/**
 * The baseline: a bare node:http server doing the same verified insert as the app's webhook route
 * (Standard Webhooks check, delivery row, event row with ON DUPLICATE KEY) into the same tables,
 * without Next, adapters, zod or the account lookup.
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import { Webhook } from 'standardwebhooks';

export type Baseline = { url: string; close: () => Promise<void> };

export async function startBaseline(opts: { databaseUrl: string; tenantId: number; accountId: number; secret: string }): Promise<Baseline> {
  const pool = mysql.createPool({ uri: opts.databaseUrl, connectionLimit: 10 });
  const verifier = new Webhook(opts.secret);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const receivedAt = new Date();
      try {
        const headers = {
          'webhook-id': String(req.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        verifier.verify(raw, headers);
        const event = JSON.parse(raw) as { type: string; externalId: string };
        const conn = await pool.getConnection();
        try {
          await conn.beginTransaction();
          const [delivery] = await conn.query(
            'INSERT INTO msc_webhook_delivery (tenant_id, account_id, method, path, headers, raw_body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [opts.tenantId, opts.accountId, 'POST', '', JSON.stringify({ 'webhook-id': headers['webhook-id'] }), raw, receivedAt],
          );
          const deliveryId = (delivery as { insertId: number }).insertId;
          await conn.query(
            `INSERT INTO msc_webhook_event (tenant_id, account_id, delivery_id, marketplace, type, external_id, priority, payload, received_at)
             VALUES (?, ?, ?, 'generic', ?, ?, 3, ?, ?) ON DUPLICATE KEY UPDATE id = id`,
            [opts.tenantId, opts.accountId, deliveryId, event.type, event.externalId, raw, receivedAt],
          );
          await conn.commit();
        } finally {
          conn.release();
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":1,"duplicate":0}');
      } catch (err) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (err as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('baseline did not bind');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}
