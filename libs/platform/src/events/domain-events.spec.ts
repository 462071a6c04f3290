import { RequestContext } from '../context/request-context';
import { DomainEvent, DomainEvents } from './domain-events';

describe('DomainEvents', () => {
  const ctx = {} as RequestContext;
  // (the event types are those the capabilities declare into DomainEventTypes; `npm run typecheck` sees them all)
  const event: DomainEvent = {
    type: 'ChildWentMissing',
    childId: 'c',
    localAuthorityId: 'la',
    episodeId: 'e',
    missingSince: new Date('2026-01-01T00:00:00Z'),
    soonAfterPlacement: false,
  };

  it('runs every handler of the type, in order, and waits for each', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('ChildWentMissing', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push('first');
    });
    events.on('ChildWentMissing', () => Promise.resolve(void seen.push('second')));
    events.on('ChildReturned', () => Promise.resolve(void seen.push('other')));
    await events.publish(ctx, event);
    expect(seen).toEqual(['first', 'second']);
  });

  it('fails the publisher when a handler fails', async () => {
    const events = new DomainEvents();
    events.on('ChildWentMissing', () => Promise.reject(new Error('alert could not be written')));
    await expect(events.publish(ctx, event)).rejects.toThrow('alert could not be written');
  });

  it('hands each handler the event of its own type (a misspelt type does not compile)', async () => {
    const events = new DomainEvents();
    const episodes: string[] = [];
    // the handler is typed by the event: episodeId is there without a cast
    events.on('ChildWentMissing', (_ctx, missing) => Promise.resolve(void episodes.push(missing.episodeId)));
    // @ts-expect-error a misspelt type is not an event's type
    events.on('ChildWentMisssing', () => Promise.resolve(void episodes.push('misspelt')));
    // @ts-expect-error an event's handler cannot read what another event says
    events.on('ChildUpdated', (_ctx, updated) => Promise.resolve(void episodes.push(updated.episodeId)));
    await events.publish(ctx, event);
    expect(episodes).toEqual(['e']);
  });

  it('publishes only events of a declared type, with what that type says', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('ChildWentMissing', (_ctx, missing) => Promise.resolve(void seen.push(missing.type)));
    // @ts-expect-error a misspelt type is not an event's type
    await events.publish(ctx, { type: 'ChildUpdatd', childId: 'c', localAuthorityId: 'la' });
    // @ts-expect-error a ChildWentMissing says which episode, since when
    await events.publish(ctx, { type: 'ChildWentMissing', childId: 'c', localAuthorityId: 'la' });
    expect(seen).toEqual(['ChildWentMissing']);
  });
});
