import type { OpenAPIObject } from '@nestjs/swagger';

type Components = NonNullable<OpenAPIObject['components']>;
type Operation = NonNullable<OpenAPIObject['paths'][string]['post']>;
type Response = Extract<Operation['responses'][string], { description: string }>;

/** What every command answers (API.md, Conventions); some add fields of their own. */
export const COMMAND_RESULT_SCHEMA: NonNullable<Components['schemas']>[string] = {
  type: 'object',
  required: ['id', 'streamId', 'revision', 'position', 'eventIds'],
  properties: {
    id: { type: 'string', description: 'the resource the command concerns' },
    streamId: { type: 'string' },
    revision: {
      type: 'integer',
      description: 'the stream’s revision after the command (also the ETag): send it as If-Match',
    },
    position: {
      type: 'string',
      nullable: true,
      description: 'where it was written in the log: send it as minPosition to read it back',
    },
    eventIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'the events written (empty when nothing changed)',
    },
  },
  additionalProperties: true,
};

const COMMAND_HEADERS = [
  {
    name: 'Idempotency-Key',
    in: 'header' as const,
    required: false,
    description:
      '1–200 visible ASCII characters. The same key with the same body answers the first answer and writes nothing; with another body, 422 IDEMPOTENCY_KEY_REUSED.',
    schema: { type: 'string', maxLength: 200 },
  },
  {
    name: 'If-Match',
    in: 'header' as const,
    required: false,
    description:
      'A revision the resource was read at (its ETag, quoted or not): 412 PRECONDITION_FAILED when the resource has moved on.',
    schema: { type: 'string' },
  },
];

/**
 * Every command (a POST answering 200 or 201): the headers it takes and the answer it gives,
 * where its controller does not describe the answer itself.
 */
export function documentCommandConventions(document: OpenAPIObject): void {
  const components: Components = (document.components ??= {});
  components.schemas = { ...components.schemas, CommandResult: COMMAND_RESULT_SCHEMA };
  for (const item of Object.values(document.paths)) {
    const operation = item.post;
    if (!operation) continue;
    const success = ['201', '200'].find((status) => operation.responses[status]);
    if (!success) continue;
    addHeaders(operation);
    const response = operation.responses[success] as Response;
    operation.responses[success] = {
      ...response,
      description: response.description || 'The command was written (or had nothing to change)',
      headers: { ETag: { description: 'the revision, as "<n>"', schema: { type: 'string' } } },
      content: response.content ?? {
        'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } },
      },
    };
  }
}

function addHeaders(operation: Operation): void {
  const parameters = (operation.parameters ??= []);
  for (const header of COMMAND_HEADERS) {
    const named = parameters.some((p) => 'name' in p && p.name === header.name);
    if (!named) parameters.push(header);
  }
}
