/**
 * Typed domain events. Each feature declares the events it publishes by merging into `DomainEvents`
 * (`declare module '…/platform/events.js' { interface DomainEvents { 'incident.declared': {...} } }`), so the
 * platform knows their shapes without importing any feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features' declarations
export interface DomainEvents {}

export type EventName = keyof DomainEvents & string;

/** One handler per event name; several features may subscribe to the same event. */
export type EventSubscribers = { [K in EventName]?: (event: DomainEvents[K]) => void };

/** What a use case holds to announce what happened. */
export interface EventPublisher {
  publish<K extends EventName>(name: K, event: DomainEvents[K]): void;
}

/**
 * Subscribers run synchronously, inside the transaction that published the event: what they store and the
 * jobs they queue commit or roll back with the change itself, so no listener can miss an event or see one
 * that did not happen. A subscriber that throws rolls the whole change back.
 */
export function createEventBus() {
  const subscribers: EventSubscribers[] = [];
  return {
    subscribe(subs: EventSubscribers): void {
      subscribers.push(subs);
    },
    publish<K extends EventName>(name: K, event: DomainEvents[K]): void {
      for (const subs of subscribers) subs[name]?.(event);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
