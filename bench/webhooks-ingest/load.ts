import http from 'node:http';
import autocannon from 'autocannon';

export type SignedRequest = { path: string; headers: Record<string, string>; body: string };

export type RateResult = { sent: number; ok: number; failed: number; rps: number; p50: number; p95: number; p99: number; /** Sorted, ms. */ latencies: number[] };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One open-loop target: where its requests go and how each is made. */
export type RateTarget = { baseUrl: string; makeRequest: (n: number) => SignedRequest };

/**
 * Open loop at a fixed rate: requests leave on schedule whether or not earlier ones answered, so a
 * slow server shows up in the latencies instead of silently lowering the rate.
 */
export async function runAtFixedRate(opts: RateTarget & { ratePerSecond: number; durationSeconds: number }): Promise<RateResult> {
  const [result] = await runInterleavedAtFixedRate({ targets: [opts], ratePerSecond: opts.ratePerSecond, durationSeconds: opts.durationSeconds });
  return result!;
}

/**
 * One open-loop schedule shared by several targets in turn (request n goes to target n mod k), so
 * whatever else the machine is doing hits every target alike: the way to compare two servers on a
 * shared machine. Each target's figures are its own; the rate is the total.
 */
export async function runInterleavedAtFixedRate(opts: { targets: RateTarget[]; ratePerSecond: number; durationSeconds: number }): Promise<RateResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = opts.ratePerSecond * opts.durationSeconds;
  const perTarget = opts.targets.map((target) => ({ url: new URL(target.baseUrl), target, sent: 0, ok: 0, failed: 0, latencies: [] as number[] }));
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / opts.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const to = perTarget[n % perTarget.length]!;
    const req = to.target.makeRequest(Math.floor(n / perTarget.length));
    to.sent++;
    const sentAt = performance.now();
    inFlight.push(
      new Promise<void>((resolve) => {
        const r = http.request(
          { host: to.url.hostname, port: to.url.port, path: req.path, method: 'POST', agent, headers: req.headers, timeout: 30_000 },
          (res) => {
            res.resume();
            res.on('end', () => {
              to.latencies.push(performance.now() - sentAt);
              if (res.statusCode && res.statusCode < 300) to.ok++;
              else to.failed++;
              resolve();
            });
          },
        );
        r.on('error', () => {
          to.failed++;
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
  return perTarget.map(({ sent, ok, failed, latencies }) => {
    latencies.sort((a, b) => a - b);
    return { sent, ok, failed, rps: Math.round(ok / seconds), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), latencies };
  });
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
