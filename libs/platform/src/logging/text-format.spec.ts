import { formatTextLine } from './text-format';

describe('formatTextLine', () => {
  const record = JSON.stringify({
    level: 30,
    time: Date.UTC(2026, 11, 2, 15, 4, 5, 123),
    pid: 1,
    context: 'GraphQL',
    requestId: 'req-12345678',
    codes: ['NOT_FOUND'],
    msg: 'POST /graphql 200 in 3 ms',
  });

  it('writes one readable line without colour codes when the output is not a terminal', () => {
    expect(formatTextLine(record, false)).toBe(
      '15:04:05.123 INFO  [GraphQL] POST /graphql 200 in 3 ms requestId=req-12345678 codes=["NOT_FOUND"]\n',
    );
    expect(formatTextLine(record, false)).not.toContain('\u001b[');
  });

  it('colours the level for a terminal', () => {
    expect(formatTextLine(record, true)).toContain('\u001b[32mINFO ');
  });

  it("follows an error's line with its stack", () => {
    const line = formatTextLine(
      JSON.stringify({ level: 50, time: 0, msg: 'Unexpected', err: { stack: 'Error: x\n    at y' } }),
      false,
    );
    expect(line).toBe('00:00:00.000 ERROR Unexpected\nError: x\n    at y\n');
  });
});
