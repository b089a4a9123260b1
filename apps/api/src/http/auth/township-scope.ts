import { OutOfScopeError } from '@gongjian/write-side';

/** Operators act only inside their townships; other roles that reach a command are unrestricted. */
export function assertInScope(
  actor: { role: string; townships: string[] },
  township: string,
): void {
  if (actor.role !== 'operator') return;
  if (actor.townships.includes('*') || actor.townships.includes(township)) return;
  throw new OutOfScopeError(township);
}
