import { withLazyFields } from '../../src/engine/lazyFields';

describe('withLazyFields', () => {
  it('adds plain enumerable fields after the others, worked out once, on first read', () => {
    let made = 0;
    const result = withLazyFields(
      { total: 3 },
      {
        steps() {
          made += 1;
          return ['one', 'two'];
        },
      },
    );
    expect(made).toBe(0);
    expect(Object.keys(result)).toEqual(['total', 'steps']);
    expect(JSON.stringify(result)).toBe('{"total":3,"steps":["one","two"]}');
    expect(result.steps).toBe(result.steps);
    expect(made).toBe(1);
    expect(result).toEqual({ total: 3, steps: ['one', 'two'] });
  });

  it('keeps each result’s fields apart, whatever their names', () => {
    const make = (n: number) =>
      withLazyFields(
        { n },
        {
          constructor() {
            return `made ${n}`;
          },
          toString() {
            return `text ${n}`;
          },
        },
      );
    const [a, b] = [make(1), make(2)];
    expect([a.constructor, b.constructor, a.toString, b.toString]).toEqual([
      'made 1',
      'made 2',
      'text 1',
      'text 2',
    ]);
  });
});
