/** Dependency-injection token under which the apps provide the configured EventStore. */
export const EVENT_STORE = Symbol.for('gongjian.EventStore');
