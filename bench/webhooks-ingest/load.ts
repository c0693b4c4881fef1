import http from 'node:http';
import autocannon from 'autocannon';

export type SignedRequest = { path: string; headers: Record<string, string>; body: string };

export type RateResult = { sent: number; ok: number; failed: number; rps: number; p50: number; p95: number; p99: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Open loop at a fixed rate: requests leave on schedule whether or not earlier ones answered, so a
 * slow server shows up in the latencies instead of silently lowering the rate.
 */
export async function runAtFixedRate(opts: {
  baseUrl: string;
  ratePerSecond: number;
  durationSeconds: number;
  makeRequest: (n: number) => SignedRequest;
}): Promise<RateResult> {
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = opts.ratePerSecond * opts.durationSeconds;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / opts.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = opts.makeRequest(n);
    const sentAt = performance.now();
    inFlight.push(
      new Promise<void>((resolve) => {
        const r = http.request(
          { host: url.hostname, port: url.port, path: req.path, method: 'POST', agent, headers: req.headers, timeout: 30_000 },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - sentAt);
              if (res.statusCode && res.statusCode < 300) ok++;
              else failed++;
              resolve();
            });
          },
        );
        r.on('error', () => {
          failed++;
          resolve();
        });
        r.on('timeout', () => r.destroy(new Error('timeout')));
        r.end(req.body);
      }),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok,
    failed,
    rps: Math.round(ok / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export type ThroughputResult = { rps: number; ok: number; non2xx: number; errors: number; p50: number; p99: number };

/** Closed loop, as fast as the server answers: the throughput ceiling. */
export async function runMaxThroughput(opts: {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  makeRequest: (n: number) => SignedRequest;
}): Promise<ThroughputResult> {
  let n = 0;
  const result = await autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.durationSeconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const r = opts.makeRequest(n++);
          return { ...request, method: 'POST', path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
