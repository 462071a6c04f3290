import { RequestContext } from '../context/request-context';
import { DomainEvent, DomainEvents } from './domain-events';

describe('DomainEvents', () => {
  const ctx = {} as RequestContext;
  const event: DomainEvent = { type: 'ChildWentMissing', childId: 'c', localAuthorityId: 'la' };

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
});
