import { parseArgs, UsageError } from '../../src/cli/args';

const spec = { out: 'string', force: 'boolean', mechanism: 'string' } as const;

describe('parseArgs', () => {
  it('reads positional arguments, --name value, --name=value and flags', () => {
    const parsed = parseArgs(['in.xlsx', '--out', 'r.xlsx', '--force', '--mechanism=pool'], spec);
    expect(parsed.positional).toEqual(['in.xlsx']);
    expect(parsed.strings).toEqual({ out: 'r.xlsx', mechanism: 'pool' });
    expect([...parsed.flags]).toEqual(['force']);
  });

  it('keeps "-" and everything after "--" positional', () => {
    expect(parseArgs(['-', '--', '--force'], spec).positional).toEqual(['-', '--force']);
  });

  it.each([
    [['--outt', 'x'], 'unknown option --outt.'],
    [['--out'], '--out needs a value.'],
    [['--out', '--force'], '--out needs a value.'],
    [['--out='], '--out needs a value.'],
    [['--force=yes'], '--force takes no value.'],
    [['--force', '--force'], '--force is given more than once.'],
    [['--out', 'a', '--out', 'b'], '--out is given more than once.'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(new UsageError(message));
  });
});
