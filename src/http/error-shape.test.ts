import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../test/multipart.ts';
import { useTestApp, type TestApp } from '../../test/http-app.ts';
import type { SmallTree } from '../../test/factories.ts';
import { BODY_LIMIT } from './server.ts';

/**
 * Every 4xx, whichever layer refuses the request (router, body parser, multipart,
 * rate limiter, not-found, Node's HTTP parser), has the API's error shape.
 */
let tree: SmallTree;

const t = useTestApp({ server: { publicLimits: { intakePerMinute: 2, trackingPerMinute: 2 } } });
beforeAll(() => {
  ({ tree } = t);
});

function expectShape(response: { status: number; json: any; headers?: Record<string, unknown> }, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.json).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) } });
  if (code) expect(response.json.error.code).toBe(code);
  if (response.headers) expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
}

const longId = 'x'.repeat(500);

describe('the router', () => {
  it('answers an over-long path parameter with a 414 in the error shape, not echoing the parameter', async () => {
    for (const token of [null, undefined]) {
      const r = await t.call({ method: 'GET', url: `/api/v1/units/${longId}`, token });
      expectShape(r, 414, 'parameter_too_long');
      expect(JSON.stringify(r.json)).not.toContain(longId);
    }
    // A public door whose parameter is a secret: not echoed either.
    const track = await t.call({ method: 'GET', url: `/api/v1/track/${longId}`, token: null });
    expectShape(track, 414, 'parameter_too_long');
    expect(JSON.stringify(track.json)).not.toContain(longId);
  });

  it('answers a malformed percent-encoding in the path with a 400 in the error shape', async () => {
    expectShape(await t.call({ method: 'GET', url: '/api/v1/units/%E0%A4%A', token: null }), 400, 'bad_url');
  });

  it('keeps the GeoReport error format under /open311/v2, with the same statuses', async () => {
    const r = await t.call({ method: 'GET', url: `/open311/v2/requests/${longId}.json`, token: null });
    expect(r.status).toBe(414);
    expect(r.json).toEqual([{ code: 414, description: expect.any(String) }]);
  });
});

describe('a wrong method on a known path', () => {
  it('answers 405 with Allow listing the methods, before authentication, in the error shape', async () => {
    const r = await t.call({ method: 'DELETE', url: '/api/v1/cases/assign', token: null });
    expectShape(r, 405, 'method_not_allowed');
    // GET /cases/:id takes this path too (as an id it then refuses).
    expect(r.headers.allow).toBe('GET, HEAD, POST');
    const unit = await t.call({ method: 'PUT', url: `/api/v1/units/${tree.root}` });
    expectShape(unit, 405, 'method_not_allowed');
    expect(String(unit.headers.allow).split(', ').sort()).toEqual(['GET', 'HEAD', 'PATCH']);
    // The query string is not part of the path.
    expect((await t.call({ method: 'POST', url: '/api/v1/health?x=1', token: null })).headers.allow).toBe('GET, HEAD');
  });

  it('still answers 404 for a path no route has', async () => {
    expectShape(await t.call({ method: 'DELETE', url: '/api/v1/nothing/here' }), 404, 'route_not_found');
    expectShape(await t.call({ method: 'GET', url: '/api/v1/units/a/b/c/d' }), 404, 'route_not_found');
  });

  it('answers 405 with Allow under /open311/v2 too, in its own format', async () => {
    const r = await t.call({ method: 'DELETE', url: '/open311/v2/services.json', token: null });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
    expect(r.json).toEqual([{ code: 405, description: expect.any(String) }]);
  });
});

describe('the body parser', () => {
  const post = (payload: string, contentType: string, extra: Record<string, string> = {}) =>
    t.call({ method: 'POST', url: '/api/v1/units', payload, headers: { 'content-type': contentType, ...extra } });

  it('refuses bad JSON, an empty JSON body, another content type and too large a body in the error shape', async () => {
    expectShape(await post('{"name": ', 'application/json'), 400, 'malformed_json');
    expectShape(await post('', 'application/json'), 400, 'malformed_json');
    expectShape(await post('{"__proto__": {"x": 1}}', 'application/json'), 400);
    expectShape(await post('name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    expectShape(await post('name=x', 'text/plain'), 415, 'unsupported_media_type');
    expectShape(await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT) }), 'application/json'), 413, 'body_too_large');
  });

  it('refuses multipart where only JSON is taken', async () => {
    const form = multipartBody([{ name: 'name', value: 'x' }]);
    expectShape(await t.call({ method: 'POST', url: '/api/v1/units', payload: form.payload, headers: form.headers }), 415, 'unsupported_media_type');
  });
});

describe('multipart uploads', () => {
  it('refuses too many files and a form without a boundary in the error shape', async () => {
    const three = multipartBody([{ name: 'units', file: 'a' }, { name: 'members', file: 'b' }, { name: 'units', file: 'c' }]);
    expectShape(await t.call({ method: 'POST', url: '/api/v1/imports', payload: three.payload, headers: three.headers }), 413, 'too_many_parts');
    const noBoundary = { method: 'POST' as const, payload: 'x', headers: { 'content-type': 'multipart/form-data' } };
    expectShape(await t.call({ ...noBoundary, url: '/api/v1/imports' }), 400, 'malformed_multipart');
    expectShape(await t.call({ ...noBoundary, url: '/api/v1/cases' }), 400, 'malformed_multipart');
  });
});

describe('the rate limiter', () => {
  it('answers a flood with a 429 in the error shape, with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['call']>> | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await t.call({ method: 'GET', url: '/api/v1/track/not-a-real-token-at-all', token: null });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 2).every((s) => s !== 429)).toBe(true);
    expectShape(last!, 429, 'rate_limited');
    expect(last!.headers['retry-after']).toBeDefined();
  });
});

describe("Node's HTTP parser (on a socket)", () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  const raw = async (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(request));
      let data = '';
      socket.on('data', (chunk) => { data += chunk.toString('latin1'); });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
  const parse = (answer: string) => {
    const [head, body] = answer.split('\r\n\r\n');
    return { status: Number(head!.split(' ')[1]), json: JSON.parse(body!), head: head! };
  };

  it('answers a request it cannot parse, and headers too large, in the error shape', async () => {
    const bad = parse(await raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
    expectShape(bad, 400, 'bad_request');
    expect(bad.head).toMatch(/content-type: application\/json/i);
    const big = parse(await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`));
    expectShape(big, 431, 'headers_too_large');
  });
});
