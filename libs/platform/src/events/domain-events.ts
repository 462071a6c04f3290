import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';

/** What every domain event says: the child it happened to, and the child's local authority. */
export interface DomainEventBase {
  readonly childId: string;
  readonly localAuthorityId: string;
}

/**
 * Every domain event, by its type. Each capability adds its own events here, beside their declarations:
 *
 *   declare module '@haven/platform' {
 *     interface DomainEventTypes { ChildWentMissing: ChildWentMissing }
 *   }
 *
 * so the platform knows every event without importing a capability (capabilities import the platform,
 * never the reverse), and a misspelt type, published or listened to, does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventTypes {}

export type DomainEventType = keyof DomainEventTypes;

/** Something that happened to a child's record, published inside the transaction that did it. */
export type DomainEvent = {
  [T in DomainEventType]: DomainEventTypes[T] & DomainEventBase & { readonly type: T };
}[DomainEventType];

/** The event of one type (or of any of a union of types). */
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

type Handler<E extends DomainEvent> = (ctx: RequestContext, event: E) => Promise<void>;

/**
 * Publishes domain events to the modules that react to them (the alert engine, say), in the same
 * transaction: a handler's writes commit or roll back with the mutation that caused them, and a
 * handler that fails fails the mutation. Publishers do not know their listeners, so modules depend
 * one way only.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Handler<DomainEvent>[]>();

  on<T extends DomainEventType>(type: T, handler: Handler<DomainEventOf<T>>): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as Handler<DomainEvent>]);
  }

  async publish(ctx: RequestContext, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(ctx, event);
  }
}
