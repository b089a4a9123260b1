import { reflectsEvent } from '../../document-position';
import type { ApplyEvent } from '../../projection.definition';

/**
 * An event a document already reflects changes nothing: applying the same events twice (a replay
 * after a crash) gives the same documents. The engine guards its writes the same way.
 */
export function skippingApplied(apply: ApplyEvent): ApplyEvent {
  return (current, event, ref, context) =>
    reflectsEvent(current, event) ? current! : apply(current, event, ref, context);
}
