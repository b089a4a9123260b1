import { assertInScope } from '../../http/auth/township-scope';
import { OutOfScopeError } from '@gongjian/write-side';

type ScopedActor = { role: string; townships: string[] };

/**
 * Operators act when ANY of the townships is in their scope (the first one is named in the
 * refusal); other roles are unrestricted, as in assertInScope.
 */
export function assertInScopeOfAny(actor: ScopedActor, townships: readonly string[]): void {
  let refusal: OutOfScopeError | undefined;
  for (const township of townships) {
    try {
      assertInScope(actor, township);
      return;
    } catch (error) {
      if (!(error instanceof OutOfScopeError)) throw error;
      refusal ??= error;
    }
  }
  if (refusal) throw refusal;
}

/**
 * The rural side decides the scope of a pairing: an operator pairs, logs on, renews and
 * dissolves only pairings whose village or community lies in its townships, whatever the urban
 * organization's township.
 */
export function assertRuralSideInScope(actor: ScopedActor, ruralTownship: string): void {
  assertInScope(actor, ruralTownship);
}

/** A pairing is in an operator's scope through its rural organization's township. */
export function assertPairingInScope(actor: ScopedActor, pairing: { ruralTownship: string }): void {
  assertRuralSideInScope(actor, pairing.ruralTownship);
}
