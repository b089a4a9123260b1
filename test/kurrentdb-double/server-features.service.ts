/**
 * `event_store.client.server_features.ServerFeatures/GetSupportedMethods`, answered as the server
 * does (KurrentDB, src/KurrentDB.Core/Services/Transport/Grpc/ServerFeatures.cs): lower-case
 * service and method names, Streams.Read with features "position" and "events". Only what the
 * double implements is listed; BatchAppend is not, so the Node client appends with Streams.Append.
 * The v2 StreamsService (multi-stream appends) is listed from 25.1 on, as on a real server.
 */
import { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';

/** The server version the double reports unless told otherwise. */
export const DOUBLE_SERVER_VERSION = '25.1.0';

/** Whether a server of this version serves multi-stream appends (KurrentDB 25.1 and later). */
export function servesMultiStreamAppend(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major > 25 || (major === 25 && minor >= 1);
}

export function serverFeaturesService(
  version = DOUBLE_SERVER_VERSION,
): UntypedServiceImplementation {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const methods = [
    method('event_store.client.streams.streams', 'read', ['position', 'events']),
    method('event_store.client.streams.streams', 'append'),
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
  ];
  if (servesMultiStreamAppend(version)) {
    methods.push(method('kurrentdb.protocol.v2.streams.streamsservice', 'appendsession'));
  }
  const supported = new SupportedMethods()
    .setEventStoreServerVersion(version)
    .setMethodsList(methods);
  return {
    getSupportedMethods: (
      _call: ServerUnaryCall<Empty, SupportedMethods>,
      done: sendUnaryData<SupportedMethods>,
    ) => done(null, supported),
  };
}
