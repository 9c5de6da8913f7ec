import { Dec } from '../../src/engine/decimal';
import { RecentInputs } from '../../src/engine/recentInputs';

/** A memo whose check counts its calls and returns a fresh object each time. */
function counted(size = 4) {
  const memo = new RecentInputs<{ readonly call: number }>(size);
  let calls = 0;
  const check = (raw: unknown) =>
    memo.checked(raw, () => {
      calls += 1;
      return { call: calls };
    });
  return { check, calls: () => calls };
}

describe('RecentInputs', () => {
  it('reuses the check of an input holding the same data, even in new objects', () => {
    const { check, calls } = counted();
    const first = check([{ shares: { A: 1, B: 0 } }, ['A', 'B'], undefined, null, '0.05']);
    const again = check([{ shares: { A: 1, B: 0 } }, ['A', 'B'], undefined, null, '0.05']);
    expect(again).toBe(first);
    expect(calls()).toBe(1);
  });

  it('checks again after the caller changes the object it passed (never stale)', () => {
    const { check, calls } = counted();
    const terms = [{ shares: { A: 1, B: 0 } }];
    const first = check(terms);
    (terms[0] as { shares: Record<string, number> }).shares.A = 0.5;
    expect(check(terms)).not.toBe(first);
    expect(calls()).toBe(2);
  });

  it('tells apart data that only looks alike: −0 and 0, "1" and 1, key order, extra keys', () => {
    const { check, calls } = counted(10);
    const inputs: unknown[] = [
      { a: 0 },
      { a: -0 },
      { a: '0' },
      { a: 0, b: 1 },
      { b: 1, a: 0 },
      { a: 0, b: undefined },
      [0],
      [[0]],
    ];
    inputs.forEach((input) => check(input));
    expect(calls()).toBe(inputs.length);
    inputs.forEach((input) => check(input));
    expect(calls()).toBe(inputs.length);
  });

  it('does not remember data other than plain data (a Decimal, a class instance, holes)', () => {
    const { check, calls } = counted();
    class Shares {
      readonly A = 1;
    }
    const sparse: unknown[] = [];
    sparse[1] = 'x';
    for (const input of [{ share: new Dec('0.5') }, new Shares(), sparse]) {
      check(input);
      check(input);
    }
    expect(calls()).toBe(6);
  });

  it('does not remember a check that throws', () => {
    const memo = new RecentInputs<number>(4);
    let calls = 0;
    const failing = () => {
      calls += 1;
      throw new Error('bad terms');
    };
    expect(() => memo.checked(['x'], failing)).toThrow('bad terms');
    expect(() => memo.checked(['x'], failing)).toThrow('bad terms');
    expect(calls).toBe(2);
  });

  it('forgets the oldest input beyond its size', () => {
    const { check, calls } = counted(2);
    check('a');
    check('b');
    check('c');
    expect(calls()).toBe(3);
    check('c');
    check('b');
    expect(calls()).toBe(3);
    check('a');
    expect(calls()).toBe(4);
  });
});
