import { OpenApiDocument, OpenApiResponseValidator } from './openapi-response-validator';

const document: OpenApiDocument = {
  paths: {
    '/api/v1/goals/{goalId}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Goal' } } } },
          '404': { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          '503': {},
        },
      },
    },
    '/api/v1/goals/{goalId}/history': { get: { responses: { '200': {} } } },
    '/api/v1/goals/report': { get: { responses: { '200': { content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } } } } } },
  },
  components: {
    schemas: {
      Goal: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, title: { type: 'string', minLength: 1 }, parentGoalId: { type: 'string', format: 'uuid', nullable: true }, owner: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Problem' }] } },
        required: ['id', 'title', 'parentGoalId'],
      },
      Problem: { type: 'object', properties: { code: { type: 'string' }, status: { type: 'integer' } }, required: ['code', 'status'] },
    },
  },
};

const goal = { id: '6f1c2a54-0a4e-4b8e-9a57-1b2c3d4e5f60', title: 'Elternbeteiligung stärken', parentGoalId: null };
const answer = (fields: Partial<{ method: string; path: string; status: number; contentType: string; body: unknown; text: string }>) => ({
  method: fields.method ?? 'GET',
  path: fields.path ?? `/api/v1/goals/${goal.id}`,
  status: fields.status ?? 200,
  contentType: fields.contentType ?? 'application/json; charset=utf-8',
  text: fields.text ?? JSON.stringify(fields.body ?? goal),
});

describe('the OpenAPI response validator', () => {
  it('passes a body that keeps to its schema, a query string and a nullable field included', () => {
    const validator = new OpenApiResponseValidator(document, { requireSchemas: true });
    expect(() => validator.check(answer({ path: `/api/v1/goals/${goal.id}?after=1.2` }))).not.toThrow();
    expect(() => validator.check(answer({ status: 404, contentType: 'application/problem+json', body: { code: 'goal.not_found', status: 404 } }))).not.toThrow();
  });

  it('fails a body that leaves its schema: a wrong type, a missing field, a bad format, a field the schema does not name', () => {
    const validator = new OpenApiResponseValidator(document);
    expect(() => validator.check(answer({ body: { ...goal, title: 3 } }))).toThrow(/leaves its schema[\s\S]*\/title must be string/);
    expect(() => validator.check(answer({ body: { id: goal.id, parentGoalId: null } }))).toThrow(/must have required property 'title'/);
    expect(() => validator.check(answer({ body: { ...goal, id: 'goal-1' } }))).toThrow(/\/id must match format "uuid"/);
    expect(() => validator.check(answer({ body: { ...goal, secret: 'x' } }))).toThrow(/additional properties \(secret\)/);
    expect(() => validator.check(answer({ status: 404, contentType: 'application/problem+json', body: { code: 'goal.not_found' } }))).toThrow(/status/);
  });

  it('takes a nullable reference as the reference or null', () => {
    const validator = new OpenApiResponseValidator(document);
    expect(() => validator.check(answer({ body: { ...goal, owner: null } }))).not.toThrow();
    expect(() => validator.check(answer({ body: { ...goal, owner: { code: 'x', status: 1 } } }))).not.toThrow();
    expect(() => validator.check(answer({ body: { ...goal, owner: { code: 'x' } } }))).toThrow(/leaves its schema/);
  });

  it('fails a media type the document does not name for the status, and a body that is not JSON', () => {
    const validator = new OpenApiResponseValidator(document);
    expect(() => validator.check(answer({ contentType: 'text/html' }))).toThrow(/answered text\/html, the document names application\/json/);
    expect(() => validator.check(answer({ text: '{"id":' }))).toThrow(/not JSON/);
    expect(() => validator.check(answer({ path: '/api/v1/goals/report', contentType: 'text/csv', text: 'a,b' }))).not.toThrow();
  });

  it('lists what the document does not describe, and fails it once schemas are required', () => {
    const lenient = new OpenApiResponseValidator(document, { requireSchemas: false });
    lenient.check(answer({ path: `/api/v1/goals/${goal.id}/history`, body: [] }));
    lenient.check(answer({ status: 400, contentType: 'application/problem+json', body: { code: 'validation.failed', status: 400 } }));
    lenient.check(answer({ path: '/api/v1/elsewhere', status: 404 }));
    expect(lenient.missing()).toEqual(['GET /api/v1/goals/{goalId} 400 (status not documented)', 'GET /api/v1/goals/{goalId}/history 200 (no schema)']);

    const strict = new OpenApiResponseValidator(document, { requireSchemas: true });
    expect(() => strict.check(answer({ path: `/api/v1/goals/${goal.id}/history`, body: [] }))).toThrow(/does not describe/);
    expect(() => strict.check(answer({ status: 400, contentType: 'application/problem+json', body: {} }))).toThrow(/does not describe/);
    expect(() => strict.check(answer({ path: '/api/v1/elsewhere', status: 200 }))).toThrow(/no operation/);
  });

  it('takes the literal path before a template that would match it too', () => {
    const validator = new OpenApiResponseValidator(document, { requireSchemas: true });
    expect(() => validator.check(answer({ path: '/api/v1/goals/report', contentType: 'text/csv', text: 'x' }))).not.toThrow();
  });
});
