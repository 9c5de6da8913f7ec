import fs from 'node:fs';
import path from 'node:path';
import { openXlsx } from '../../src/adapters/xlsx/index';
import { openFileSession } from '../../src/taskpane/fileSession';
import { createFileMode } from '../../src/taskpane/fileMode';

const SAMPLE = path.resolve(__dirname, '../../assets/samples/bcf-example.xlsx');

function sampleBytes(): ArrayBuffer {
  const bytes = fs.readFileSync(SAMPLE);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

const control = { signal: new AbortController().signal, onProgress: () => undefined };

describe('file mode: a .xlsx file worked on outside Excel', () => {
  it('opens the example workbook, runs the pooled fund (B&NES OBC 2015) and saves the completed workbook', async () => {
    const session = await openFileSession('bcf-example.xlsx', sampleBytes());
    expect(session.canSelectCells).toBe(false);
    const overview = await session.overview();
    expect(overview.partners).toEqual(['B&NES CCG', 'B&NES Council']);
    const outcome = await session.run(
      { mechanism: 'pool', params: { rule: 'proportional', unbudgetedSpend: 'error' } },
      control,
    );
    expect(outcome).toMatchObject({
      ok: true,
      headline: expect.arrayContaining([
        { label: 'Pool', value: '£69,236,000.00', kind: 'text' },
      ]) as unknown,
    });
    const blob = await session.save();
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const reopened = await openXlsx(new Uint8Array(await blob.arrayBuffer()), 'completed');
    expect(await reopened.sheetOwner('BCF Results - Pooled fund')).toBe('addin');
  });

  it('refuses a file that is not a workbook, naming it', async () => {
    const mode = createFileMode();
    if (!mode.available) throw new Error('file mode unavailable');
    await expect(
      mode.open('notes.xlsx', new TextEncoder().encode('not a zip').buffer),
    ).rejects.toThrow(/notes\.xlsx is not an Excel workbook/);
  });
});
