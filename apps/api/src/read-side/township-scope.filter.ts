import type { Filter } from '@gongjian/read-store';
import { assertInScope } from '../http/auth/township-scope';

type ScopedActor = { role: string; townships: string[] };

/** An operator limited to some townships: the only actor whose reads are filtered. */
export const isTownshipScoped = (actor: ScopedActor): boolean =>
  actor.role === 'operator' && !actor.townships.includes('*');

/**
 * The filter on `field` (a township, or an array of townships) for a list: the township asked
 * for (403 when an operator asks for one outside its scope), else an operator's townships, else
 * nothing.
 */
export function townshipFilter(actor: ScopedActor, field: string, township?: string): Filter {
  if (township !== undefined) {
    assertInScope(actor, township);
    return { [field]: township };
  }
  if (!isTownshipScoped(actor)) return {};
  return { [field]: { $in: actor.townships } };
}

/**
 * Operators read one document when one of its townships is in their scope (403 otherwise,
 * also when its townships are not known); other roles read everything.
 */
export function assertReadableBy(actor: ScopedActor, townships: readonly string[]): void {
  if (!isTownshipScoped(actor)) return;
  if (townships.some((township) => actor.townships.includes(township))) return;
  assertInScope(actor, townships[0] ?? 'unknown');
}
