import { v5 as uuidv5 } from 'uuid';

/** Namespace of every name-based UUID of this product. */
const GONGJIAN_NAMESPACE = 'c6a8f3de-4b1e-5d2c-9a61-0b7e3f2d1a90';

export function commandIdFor(actorId: string, idempotencyKey: string): string {
  return uuidv5(`idempotency:${actorId}:${idempotencyKey}`, GONGJIAN_NAMESPACE);
}

/** The same command writing to the same stream always produces the same event ids. */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  return uuidv5(`${streamId}#${index}`, commandId);
}

/** Ids the server assigns (when a client gives none) are stable across retries of a command. */
export function resourceIdFor(commandId: string, kind: string): string {
  return uuidv5(`resource:${kind}`, commandId);
}
