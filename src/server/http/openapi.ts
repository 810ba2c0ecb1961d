/** The API's OpenAPI 3.1 document, generated from the wire contract's zod schemas so it cannot drift. */
import * as z from 'zod/mini';
import { ApiError, LookupRequest, LookupResponse, Story, StorySummary } from '../../core/contract.js';
import { OutletResponse } from '../../core/outlet.js';

function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const errorResponse = (description: string) => ({ description, ...json('ApiError') });
/** Every /v1 route is behind the rate limit when the server runs with one. */
const rateLimited = {
  429: {
    ...errorResponse(
      'Over the rate limit (servers started with --rate-limit); Retry-After gives the seconds to wait',
    ),
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
  },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Coverage Lens lookup API',
      version: '1',
      description:
        'Find the story a headline belongs to and how outlets across the political spectrum cover it.',
    },
    paths: {
      '/v1/lookup': {
        post: {
          summary: 'Look up one headline or a batch of up to 50, answered in the same order',
          requestBody: { required: true, ...json('LookupRequest') },
          responses: {
            200: { description: 'One result per item', ...json('LookupResponse') },
            400: errorResponse('Body is not JSON, or it broke off'),
            413: errorResponse('Body too large'),
            422: errorResponse('Body does not match the schema; `field` names the path'),
            ...rateLimited,
          },
        },
      },
      '/v1/stories/{id}': {
        get: {
          summary: 'A story with its articles',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: {
              description:
                'The story; for the id of a story since merged into another, the story it merged into (its `id` is the current one)',
              ...json('Story'),
            },
            404: errorResponse('Unknown story'),
            ...rateLimited,
          },
        },
      },
      '/v1/outlets/{domain}': {
        get: {
          summary: 'The outlet owning a domain, with its ratings by rater and its consensus lean',
          parameters: [{ name: 'domain', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The outlet', ...json('Outlet') },
            404: errorResponse('No outlet owns the domain'),
            422: errorResponse('Not a domain name'),
            ...rateLimited,
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness',
          responses: {
            200: { description: 'Up', content: { 'application/json': { schema: { const: { ok: true } } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        LookupRequest: schemaOf(LookupRequest, 'input'),
        LookupResponse: schemaOf(LookupResponse, 'output'),
        StorySummary: schemaOf(StorySummary, 'output'),
        Story: schemaOf(Story, 'output'),
        Outlet: schemaOf(OutletResponse, 'output'),
        ApiError: schemaOf(ApiError, 'output'),
      },
    },
  };
}
