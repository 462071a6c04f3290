import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';

/** Something that happened to a child's record, published inside the transaction that did it. */
export interface DomainEvent {
  readonly type: string;
  readonly childId: string;
  readonly localAuthorityId: string;
}

type Handler<E extends DomainEvent> = (ctx: RequestContext, event: E) => Promise<void>;

/**
 * Publishes domain events to the modules that react to them (the alert engine, say), in the same
 * transaction: a handler's writes commit or roll back with the mutation that caused them, and a
 * handler that fails fails the mutation. Publishers do not know their listeners, so modules depend
 * one way only.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, Handler<DomainEvent>[]>();

  on<E extends DomainEvent>(type: E['type'], handler: Handler<E>): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as Handler<DomainEvent>]);
  }

  async publish(ctx: RequestContext, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(ctx, event);
  }
}
