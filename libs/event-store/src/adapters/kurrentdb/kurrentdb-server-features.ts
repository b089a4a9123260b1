import { KurrentDBClient } from '@kurrent/kurrentdb-client';

export interface ServerFeatures {
  serverVersion: string;
  /** By the method's gRPC path. */
  supports(method: { path: string }, feature?: string): boolean;
}

/**
 * What the server says it serves, as the client fetched it (`ServerFeatures.GetSupportedMethods`).
 * The client keeps this to itself (a protected member), and its factory cannot be subclassed, so
 * it is read here, in one place.
 */
export function serverFeatures(client: KurrentDBClient): Promise<ServerFeatures> {
  return (client as unknown as { capabilities: Promise<ServerFeatures> }).capabilities;
}
