// /api/openapi.json is generated from the route table: every /api endpoint is in it with the audience
// its allow() declares, bodies and parameters are the zod schemas that validate them (a request the
// document calls invalid is refused by the route), and the document is valid OpenAPI 3.1.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createAttemptLimiter } from '../../../src/http/attempt-limiter.ts';
import { createRedisRateLimiter } from '../../../src/realtime/visitor-rate-limit.ts';
import { createProducerRedis, type Redis } from '../../../src/redis.ts';
import { apiEndpoints, endpointAudience } from '../../../src/http/permissions.ts';
import type { OpenApiDocument } from '../../../src/http/openapi/openapi-document.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  let h: Harness;
  let doc: OpenApiDocument;
  let response: Response;
  let redis: Redis;

  beforeAll(async () => {
    h = await startHarness();
    response = await fetch(`${h.apiUrl}/api/openapi.json`);
    doc = (await response.clone().json()) as OpenApiDocument;
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });

  it('is public and valid OpenAPI 3.1', async () => {
    expect(response.status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('holds every /api endpoint of the app, each with the audience its allow() declares', () => {
    redis = createProducerRedis(h.rt.config.REDIS_URL);
    const limiter = createRedisRateLimiter(redis, 'openapi-test', h.rt.deps.log);
    const app = createApp({ ...h.rt.deps, config: h.rt.config, limiter, attempts: createAttemptLimiter(redis, 'openapi-test', h.rt.deps.log) });
    const endpoints = apiEndpoints(app.routes);
    expect(endpoints.length).toBeGreaterThan(80);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = endpoints.map((e) => `${e.method} ${openApiPath(e.path)}`);
    expect(documented.sort()).toEqual([...new Set(expected)].sort());
    for (const e of endpoints) {
      const operation = doc.paths[openApiPath(e.path)]?.[e.method.toLowerCase()];
      expect(operation?.['x-parley-audience'], `${e.method} ${e.path}`).toBe(endpointAudience(e));
      expect(operation?.security, `${e.method} ${e.path}`).toEqual(endpointAudience(e) === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }]);
    }
  });

  it('documents bodies and parameters from the schemas the routes validate with', async () => {
    const createTeam = doc.paths['/api/teams']?.post;
    const body = (createTeam?.requestBody as { content: Record<string, { schema: { properties: Record<string, { maxLength?: number }>; required: string[] } }> }).content['application/json']!.schema;
    expect(Object.keys(body.properties).sort()).toEqual(['leadAgentId', 'memberIds', 'name']);
    expect(body.required).toEqual(['name']);
    expect(body.properties.name!.maxLength).toBe(80);
    // What the document allows at most is what the route accepts at most.
    const admin = await h.login(h.workspace.agents[0]!.email);
    const tooLong = await h.api(admin, 'POST', '/api/teams', { name: 'x'.repeat(81) });
    expect(tooLong.status).toBe(422);
    const fits = await h.api(admin, 'POST', '/api/teams', { name: 'x'.repeat(80) });
    expect(fits.status).toBe(201);
    const patchTeam = doc.paths['/api/teams/{id}']?.patch;
    expect(patchTeam?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id', required: true })]));
  });

  it('describes the error shape and the ways to authenticate', () => {
    const components = doc.components as { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string }> };
    expect(components.schemas.Error).toBeDefined();
    expect(Object.keys(components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    const listTeams = doc.paths['/api/teams']?.get;
    expect(Object.keys(listTeams?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(listTeams?.tags).toEqual(['teams']);
  });

  it('serves the reference page and the Swagger UI files from Parley itself', async () => {
    const page = await fetch(`${h.apiUrl}/api-reference`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    for (const src of html.matchAll(/(?:src|href)="(\/api-reference\/[^"]+)"/g)) {
      const file = await fetch(`${h.apiUrl}${src[1]}`);
      expect(file.status, src[1]).toBe(200);
      expect((await file.arrayBuffer()).byteLength, src[1]).toBeGreaterThan(50);
    }
    expect((await fetch(`${h.apiUrl}/api-reference/package.json`)).status).toBe(404);
    expect((await fetch(`${h.apiUrl}/api-reference/..%2Fpackage.json`)).status).toBe(404);
  });
});
