/**
 * `event_store.client.server_features.ServerFeatures/GetSupportedMethods`, answered as the server
 * does (KurrentDB, src/KurrentDB.Core/Services/Transport/Grpc/ServerFeatures.cs): lower-case
 * service and method names, Streams.Read with features "position" and "events". Only what the
 * double implements is listed; BatchAppend is not, so the Node client appends with Streams.Append.
 */
import { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';

/** The server version the double's behaviour is modelled on. */
export const DOUBLE_SERVER_VERSION = '24.10.0';

export function serverFeaturesService(): UntypedServiceImplementation {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const supported = new SupportedMethods()
    .setEventStoreServerVersion(DOUBLE_SERVER_VERSION)
    .setMethodsList([
      method('event_store.client.streams.streams', 'read', ['position', 'events']),
      method('event_store.client.streams.streams', 'append'),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ]);
  return {
    getSupportedMethods: (
      _call: ServerUnaryCall<Empty, SupportedMethods>,
      done: sendUnaryData<SupportedMethods>,
    ) => done(null, supported),
  };
}
