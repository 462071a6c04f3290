import { noColourDefault } from './no-colour-unless-terminal';

describe('no colour codes unless the output is a terminal', () => {
  it.each([
    ['a pipe or a file', {}, false, '1'],
    ['a terminal', {}, true, undefined],
    ['a pipe, FORCE_COLOR=1', { FORCE_COLOR: '1' }, false, undefined],
    ['a terminal, FORCE_COLOR=0', { FORCE_COLOR: '0' }, true, '1'],
    ['a pipe, FORCE_COLOR empty', { FORCE_COLOR: '' }, false, '1'],
    ['a terminal, NO_COLOR=1 already (left as it is)', { NO_COLOR: '1' }, true, undefined],
  ])(
    '%s (%j, a terminal: %s) sets NO_COLOR to %s',
    (_where, env: Record<string, string>, terminal, expected) => {
      expect(noColourDefault(env, terminal)).toBe(expected);
    },
  );
});
