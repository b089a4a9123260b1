/**
 * The baseline of bench:commands: a bare Fastify server doing the same decide-and-append as the
 * API's handlers (same deciders, same runner, same SQLite store) without Nest, CQRS, validation
 * or authentication. Run as a child process: node bare-append.server.js <dataDir> <port>
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import {
  allocationDecider,
  allocationStreamId,
  LogActivity,
  pairingDecider,
  pairingStreamId,
  RecordDisbursement,
} from '@gongjian/domain';
import { SqliteEventStore } from '@gongjian/event-store';
import { CommandMetadata, DecisionRunner, domainCommand } from '@gongjian/write-side';

const [dataDir, port] = process.argv.slice(2);
const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
const runner = new DecisionRunner(store);
const app = Fastify();

const metadata = (): CommandMetadata => {
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: commandId,
    requestHash: commandId,
    actor: { id: 'bench', role: 'admin', townships: ['*'] },
    now: new Date().toISOString(),
  };
};

app.post<{ Params: { id: string }; Body: LogActivity['data'] }>(
  '/api/v1/pairings/:id/activities',
  async (request, reply) => {
    const meta = metadata();
    const pairingId = request.params.id;
    const data = { ...request.body, pairingId, activityId: meta.commandId };
    const result = await runner.run({
      id: pairingId,
      streamId: pairingStreamId(pairingId),
      decider: pairingDecider,
      metadata: meta,
      command: () => domainCommand<LogActivity>('LogActivity', data, meta),
    });
    return reply.status(201).send(result);
  },
);

app.post<{ Params: { id: string }; Body: RecordDisbursement['data'] }>(
  '/api/v1/allocations/:id/disbursements',
  async (request, reply) => {
    const meta = metadata();
    const allocationId = request.params.id;
    const data = { ...request.body, allocationId, disbursementId: meta.commandId };
    const result = await runner.run({
      id: allocationId,
      streamId: allocationStreamId(allocationId),
      decider: allocationDecider,
      metadata: meta,
      command: () => domainCommand<RecordDisbursement>('RecordDisbursement', data, meta),
    });
    return reply.status(201).send(result);
  },
);

app.get('/health', async () => ({ status: 'ok' }));

app.listen({ port: Number(port), host: '127.0.0.1' }).then(
  () => process.stderr.write(`bare append server on ${port}\n`),
  (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
