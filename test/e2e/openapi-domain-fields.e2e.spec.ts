import { Harness, startApi } from './api-harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Issue 13: the new steps and fields of pairing, funds, projects and organizations are documented. */
describe('the OpenAPI document: pairing, funds, projects, organizations', () => {
  let api: Harness;
  let document: Json;
  const schemaOf = (path: string, status = 'post'): Json => {
    const ref = document.paths[path]?.[status]?.requestBody?.content?.['application/json']?.schema
      ?.$ref as string | undefined;
    expect({ path, documented: ref !== undefined }).toEqual({ path, documented: true });
    return document.components.schemas[(ref as string).replace('#/components/schemas/', '')];
  };
  const resolved = (schema: Json): Json =>
    schema.$ref
      ? document.components.schemas[(schema.$ref as string).replace('#/components/schemas/', '')]
      : schema.allOf?.[0]
        ? resolved(schema.allOf[0])
        : schema;

  beforeAll(async () => {
    api = await startApi();
    document = (await (await fetch(`${api.url}/docs-json`)).json()) as Json;
  });
  afterAll(() => api.close());

  it('lists the new endpoints', () => {
    for (const path of [
      '/api/v1/budgets/{id}/reduce',
      '/api/v1/organizations/{id}/first-secretary/end',
      '/api/v1/organizations/{id}/work-teams',
      '/api/v1/organizations/{id}/work-teams/{teamId}/end',
      '/api/v1/organizations/{id}/instructors',
      '/api/v1/organizations/{id}/instructors/{instructorId}/end',
      '/api/v1/projects/{id}/funding',
      '/api/v1/projects/{id}/outputs',
    ]) {
      expect({ path, post: document.paths[path]?.post !== undefined }).toEqual({
        path,
        post: true,
      });
    }
  });

  it('activities: the seeds’ types and trainees by kind', () => {
    const activity = schemaOf('/api/v1/pairings/{id}/activities');
    expect(activity.properties.type.enum).toEqual(
      expect.arrayContaining([
        'joint_party_lecture',
        'theme_party_day',
        'volunteer_service',
        'symposium',
        'study_tour',
        'on_site_meeting',
      ]),
    );
    expect(Object.keys(resolved(activity.properties.trainees).properties).sort()).toEqual([
      'activists',
      'doubleLeaders',
      'farmers',
      'members',
    ]);
  });

  it('allocations carry decisionOn; first secretaries replaces; projects their sources, stages and units', () => {
    expect(schemaOf('/api/v1/allocations').properties).toHaveProperty('decisionOn');
    expect(schemaOf('/api/v1/organizations/{id}/first-secretary').properties).toHaveProperty(
      'replaces',
    );
    const funding = schemaOf('/api/v1/projects/{id}/funding');
    expect(funding.properties.source.enum).toEqual(
      expect.arrayContaining(['enterprise', 'social_capital', 'higher_level']),
    );
    expect(funding.properties.stage.enum).toEqual(['secured', 'arrived']);
    const output = schemaOf('/api/v1/projects/{id}/outputs');
    expect(output.properties.kind.enum).toEqual(
      expect.arrayContaining(['road', 'street_light', 'square', 'office', 'toilet']),
    );
    expect(output.required).toEqual(expect.arrayContaining(['kind', 'quantity', 'unit']));
    expect(schemaOf('/api/v1/organizations').properties.sector.enum).toContain('township');
  });
});
