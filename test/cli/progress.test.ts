import { progressBar, stepsProgress, type ProgressStream } from '../../src/cli/progress';

function recorder(isTTY: boolean): ProgressStream & { text: string } {
  const stream = {
    text: '',
    isTTY,
    columns: 60,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

describe('progressBar', () => {
  it('writes plain lines, one per step, when stderr is not a terminal', () => {
    const stream = recorder(false);
    const bar = progressBar('consolidate', 2, stream);
    bar.step('a.xlsx');
    bar.note('bcf consolidate: skipped b.xlsx');
    bar.step('b.xlsx');
    bar.finish();
    expect(stream.text).toBe(
      'consolidate: 1/2 a.xlsx\nbcf consolidate: skipped b.xlsx\nconsolidate: 2/2 b.xlsx\n',
    );
  });

  it('redraws one line on a terminal, fitted to its width, and ends it on finish', () => {
    const stream = recorder(true);
    const bar = progressBar('consolidate', 4, stream);
    bar.step('a.xlsx');
    bar.step('b.xlsx');
    bar.finish();
    const lines = stream.text.split('\r').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^consolidate \[#####-{15}\] 1\/4 a\.xlsx +$/);
    expect(lines[1]?.trimEnd()).toBe('consolidate [##########----------] 2/4 b.xlsx');
    expect(lines.every((l) => l.replace('\n', '').length === 59)).toBe(true);
    expect(stream.text.endsWith('\n')).toBe(true);
  });
});

describe('stepsProgress (the mechanisms of one run)', () => {
  it('shows a bar on a terminal only, and never with --quiet or a single step', () => {
    const cases = [
      { tty: true, total: 3, quiet: false, shown: true },
      { tty: false, total: 3, quiet: false, shown: false },
      { tty: true, total: 3, quiet: true, shown: false },
      { tty: true, total: 1, quiet: false, shown: false },
    ];
    for (const c of cases) {
      const stream = recorder(c.tty);
      const bar = stepsProgress('run', c.total, c.quiet, stream);
      bar.step('Pooled fund');
      bar.finish();
      expect({ ...c, shown: stream.text !== '' }).toEqual(c);
    }
  });
});
