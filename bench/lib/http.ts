/** HTTP clients for the benchmark: sequential latency with one keep-alive socket, and autocannon for load. */
import http from 'node:http';
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats.ts';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply { status: number; body: string; ms: number }

export function request(method: string, url: string, token?: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = http.request(url, {
      method,
      agent,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function json<T>(method: string, url: string, token?: string, body?: unknown): Promise<T> {
  const reply = await request(method, url, token, body);
  if (reply.status >= 300) throw new Error(`${method} ${url} → ${reply.status}: ${reply.body.slice(0, 500)}`);
  return JSON.parse(reply.body) as T;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  return (await json<{ token: string }>('POST', `${base}/api/v1/session`, undefined, { email, password })).token;
}

export interface UnitCounts { id: string; name: string; level: string; counts: { units: number; cells: number; members: number } }

export const getUnit = (base: string, token: string, id: string) => json<UnitCounts>('GET', `${base}/api/v1/units/${id}`, token);

/** `count` sequential GETs of one URL over one keep-alive connection; every reply must be 200. */
export async function sequentialLatency(url: string, token: string, count: number): Promise<Summary & { samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await request('GET', url, token);
    if (reply.status !== 200) throw new Error(`GET ${url} → ${reply.status}: ${reply.body.slice(0, 300)}`);
    samples.push(reply.ms);
  }
  return { ...summarize(samples), samples };
}

export interface LoadResult { rps: number; p50: number; p97_5: number; p99: number; max: number; total: number; errors: number; non2xx: number; seconds: number }

/** Closed-loop load: `connections` clients, each cycling through `paths`, for `seconds`. */
export async function load(base: string, token: string, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}
