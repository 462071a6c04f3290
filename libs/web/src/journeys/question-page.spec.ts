import { lazily, problemsOn, toSend } from './question-page';

describe('a question page', () => {
  it('reads lazily: not until asked, then once however often it is asked', async () => {
    let reads = 0;
    const child = lazily(() => {
      reads += 1;
      return Promise.resolve({ id: `child-${reads}` });
    });
    expect(reads).toBe(0);
    const [first, second] = await Promise.all([child(), child()]);
    expect(await child()).toEqual({ id: 'child-1' });
    expect([first, second, reads]).toEqual([{ id: 'child-1' }, { id: 'child-1' }, 1]);
  });

  it('tells the checked input from the problems', () => {
    const refusal = { code: 'BAD_USER_INPUT', message: 'Check the form', fields: [] };
    expect(problemsOn(refusal)).toEqual({ problems: refusal });
    expect(toSend({ startedOn: '2026-01-02' })).toEqual({ input: { startedOn: '2026-01-02' } });
  });
});
