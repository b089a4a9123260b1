import { Command, CommandContext } from '@gongjian/domain';
import { shanghaiDate } from './business-clock';
import { CommandMetadata } from './command-metadata';

export function contextOf(metadata: CommandMetadata): CommandContext {
  return {
    now: metadata.now,
    today: shanghaiDate(metadata.now),
    actor: { id: metadata.actor.id, role: metadata.actor.role },
  };
}

/** A domain command of the given type, stamped with the request's context. */
export function domainCommand<C extends Command>(
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
): C {
  return { type, data, context: contextOf(metadata) } as C;
}
