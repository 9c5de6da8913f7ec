/**
 * The zip layer of file mode: packages other producers write (Zip64, data descriptors,
 * another entry order) read on the fast path and written back with every part intact;
 * damaged zips, oversized parts and other formats refused with one typed error naming
 * the file and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzip } from '@cj-tech-master/excelts/archive';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import {
  entryData,
  MAX_PART_BYTES,
  newEntry,
  readZip,
  writeZip,
  type ZipEntry,
} from '../../src/adapters/xlsx/zipPackage';
import { readParts, writeParts } from '../../src/adapters/xlsx/zipParts';
import { ROOT } from '../cli/support/bcf';
import { centralRecords } from './zipMutants';

const SAMPLE = join(ROOT, 'assets/samples/bcf-example.xlsx');
const PRODUCERS = join(__dirname, 'producers');
const NAME = 'plan.xlsx';
/** The sheet the pool's Contributions table is on, which a pool run reads. */
const CONTRIBUTIONS = 'xl/worksheets/sheet2.xml';

function sample(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE));
}

/** Each part's content, inflated. */
async function contents(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const entries = await readZip(bytes);
  return new Map([...entries].map(([name, entry]) => [name, Buffer.from(entryData(entry))]));
}

/** Runs the pool on a workbook's bytes and saves the copy. */
async function poolRun(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await openXlsx(bytes, NAME);
  const tables = await workbook.readTables(['Contributions']);
  expect(tables[0]?.rows.length).toBeGreaterThan(0);
  await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"pool"}' });
  return workbook.save();
}

/** The parts a save rewrites (graft.ts), and the settings sheet it replaces. */
const REWRITTEN = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
  'xl/worksheets/sheet12.xml',
]);

async function refusal(bytes: Uint8Array): Promise<XlsxError> {
  try {
    await poolRun(bytes);
  } catch (error) {
    if (error instanceof XlsxError) return error;
    throw error;
  }
  throw new Error('the workbook was not refused');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The central directory record of an entry. */
function record(bytes: Uint8Array, name: string): number {
  const found = centralRecords(bytes).find((r) => r.name === name);
  if (!found) throw new Error(`no record for ${name}`);
  return found.at;
}

function damage(why: string): string {
  return `${NAME} is damaged or incompletely downloaded (${why}); download or copy it again, or open and save it in Excel.`;
}

describe('packages as other producers write them are read on the fast path, every part kept', () => {
  const producers: readonly [string, string][] = [
    ['zip64.xlsx', "Python's zipfile, every record in Zip64 form"],
    ['streamed.xlsx', "Python's zipfile to a pipe: data descriptors, entries reversed"],
    ['infozip.xlsx', "Info-ZIP's zip to a pipe: data descriptors, entries by name"],
  ];

  it.each(producers)('%s (%s) holds the sample parts byte for byte', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(PRODUCERS, file)));
    expect(await contents(bytes)).toEqual(await contents(sample()));
  });

  it.each(producers)(
    '%s runs, and the copy keeps every part it does not rewrite as stored',
    async (file) => {
      const bytes = new Uint8Array(readFileSync(join(PRODUCERS, file)));
      const before = await readZip(bytes);
      const after = await readZip(await poolRun(bytes));
      for (const [name, entry] of before) {
        if (REWRITTEN.has(name)) continue;
        expect([name, Buffer.from(after.get(name)?.raw ?? [])]).toEqual([
          name,
          Buffer.from(entry.raw),
        ]);
        expect(after.get(name)?.crc).toBe(entry.crc);
      }
      // Read on the fast path: ExcelTS's rewrite would deflate the sheets again.
      expect(after.get(CONTRIBUTIONS)?.raw).toEqual(before.get(CONTRIBUTIONS)?.raw);
    },
  );

  it('the Zip64 fixture really is Zip64: end record, locator and extra fields', () => {
    const bytes = new Uint8Array(readFileSync(join(PRODUCERS, 'zip64.xlsx')));
    const v = view(bytes);
    const end = bytes.length - 22;
    expect(v.getUint32(end, true)).toBe(0x06054b50);
    expect(v.getUint32(end - 20, true)).toBe(0x07064b50); // the Zip64 locator
    const zip64End = Number(v.getBigUint64(end - 20 + 8, true));
    expect(v.getUint32(zip64End, true)).toBe(0x06064b50); // the Zip64 end record
    const records = centralRecords(bytes);
    expect(records.filter((r) => r.zip64At !== undefined)).toHaveLength(records.length);
  });

  it('the streamed fixtures have data descriptors (flag bit 3) on every entry', () => {
    for (const file of ['streamed.xlsx', 'infozip.xlsx']) {
      const bytes = new Uint8Array(readFileSync(join(PRODUCERS, file)));
      const flags = centralRecords(bytes).map((r) => view(bytes).getUint16(r.at + 8, true) & 8);
      expect(new Set(flags)).toEqual(new Set([8]));
    }
  });
});

describe('writing a zip', () => {
  it('in Zip64 form on request: read back the same by this reader and by ExcelTS', async () => {
    const entries = [...(await readZip(sample())).values()];
    const zip64 = writeZip(entries, { zip64: 'always' });
    expect(view(zip64).getUint32(zip64.length - 22 - 20, true)).toBe(0x07064b50);
    expect(await contents(zip64)).toEqual(await contents(sample()));
    const parts = await readParts(zip64); // ExcelTS's streaming reader, from the local headers
    expect([...parts.keys()]).toEqual(entries.map((e) => e.name));
    for (const [name, data] of parts)
      expect([name, Buffer.from(data)]).toEqual([
        name,
        Buffer.from(entryData(entries.find((e) => e.name === name) as ZipEntry)),
      ]);
  });

  it('names outside ASCII are flagged UTF-8 and come back as written', async () => {
    const bytes = writeZip([newEntry('xl/média/plan é.xml', new TextEncoder().encode('<x/>'))]);
    expect([...(await readZip(bytes)).keys()]).toEqual(['xl/média/plan é.xml']);
  });
});

describe('a damaged zip is refused naming the file and the fault (XLSX.DAMAGED)', () => {
  it('cut short', async () => {
    const bytes = sample();
    const error = await refusal(bytes.slice(0, bytes.length - 30));
    expect([error.code, error.message, error.file]).toEqual([
      'XLSX.DAMAGED',
      damage('End of Central Directory not found'),
      NAME,
    ]);
  });

  it('cut in the middle of its entries', async () => {
    const bytes = sample();
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    expect((await refusal(cut)).code).toBe('XLSX.DAMAGED');
  });

  it("a part's data running past the end (its compressed size too large)", async () => {
    const bytes = sample();
    view(bytes).setUint32(record(bytes, CONTRIBUTIONS) + 20, bytes.length, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`${CONTRIBUTIONS} runs past the end of the file`),
    );
  });

  it('a local header offset past the end of the file', async () => {
    const bytes = sample();
    view(bytes).setUint32(record(bytes, CONTRIBUTIONS) + 42, bytes.length + 1000, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`${CONTRIBUTIONS} lies past the end of the file`),
    );
  });

  it("the central directory's offset past the end", async () => {
    const bytes = sample();
    view(bytes).setUint32(bytes.length - 22 + 16, bytes.length + 5, true);
    expect((await refusal(bytes)).code).toBe('XLSX.DAMAGED');
  });

  it('no local header where the directory says', async () => {
    const bytes = sample();
    const at = record(bytes, CONTRIBUTIONS);
    view(bytes).setUint32(at + 42, view(bytes).getUint32(at + 42, true) + 3, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`Invalid local file header signature for "${CONTRIBUTIONS}"`),
    );
  });

  it('a local header naming another entry', async () => {
    const bytes = sample();
    const first = record(bytes, '[Content_Types].xml');
    const sheet = record(bytes, CONTRIBUTIONS);
    view(bytes).setUint32(sheet + 42, view(bytes).getUint32(first + 42, true), true);
    view(bytes).setUint32(sheet + 20, view(bytes).getUint32(first + 20, true), true);
    expect((await refusal(bytes)).message).toBe(
      damage(`the local header of ${CONTRIBUTIONS} names another entry`),
    );
  });

  it('a part read by the run that fails its CRC', async () => {
    const bytes = sample();
    const at = record(bytes, CONTRIBUTIONS);
    view(bytes).setUint32(at + 16, view(bytes).getUint32(at + 16, true) ^ 1, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`part ${CONTRIBUTIONS} fails its CRC check`),
    );
  });

  it('a part that does not inflate', async () => {
    const entries = [...(await readZip(sample())).values()].map((e) =>
      e.name === CONTRIBUTIONS ? { ...e, raw: new Uint8Array([0xff, 0xff, 0xff, 0xff]) } : e,
    );
    const error = await refusal(writeZip(entries));
    expect(error.code).toBe('XLSX.DAMAGED');
    expect(error.message).toMatch(
      /^plan\.xlsx is damaged or incompletely downloaded \(part xl\/worksheets\/sheet2\.xml does not inflate: .+\); download/,
    );
  });

  it('a part that inflates past the size it declares stops there (a lying size)', async () => {
    const bytes = sample();
    const at = record(bytes, CONTRIBUTIONS);
    const size = view(bytes).getUint32(at + 24, true);
    view(bytes).setUint32(at + 24, 100, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`part ${CONTRIBUTIONS} inflates to more than the 100 bytes it declares`),
    );
    view(bytes).setUint32(at + 24, size + 1, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`part ${CONTRIBUTIONS} is ${size} bytes, not the ${size + 1} it declares`),
    );
  });

  it('two entries of one name', async () => {
    const entries = [...(await readZip(sample())).values()];
    const twice = entries.find((e) => e.name === 'docProps/core.xml') as ZipEntry;
    expect((await refusal(writeZip([...entries, twice]))).message).toBe(
      damage('two entries are named docProps/core.xml'),
    );
  });

  it('a sheet part, a table part or the shared strings missing', async () => {
    const entries = [...(await readZip(sample())).values()];
    const without = (name: string): Uint8Array => writeZip(entries.filter((e) => e.name !== name));
    expect((await refusal(without(CONTRIBUTIONS))).message).toBe(
      damage(`the part ${CONTRIBUTIONS} of sheet Contributions is missing`),
    );
    expect((await refusal(without('xl/tables/table2.xml'))).message).toBe(
      damage('the table part xl/tables/table2.xml of sheet Contributions is missing'),
    );
    expect((await refusal(without('xl/sharedStrings.xml'))).message).toBe(
      damage('its shared strings part xl/sharedStrings.xml is missing'),
    );
    expect((await refusal(without('_rels/.rels'))).message).toBe(damage('it has no _rels/.rels'));
    expect((await refusal(without('xl/workbook.xml'))).message).toBe(
      damage('its workbook part xl/workbook.xml is missing'),
    );
  });

  it('a part compressed in a way Excel never writes, or encrypted', async () => {
    const bytes = sample();
    view(bytes).setUint16(record(bytes, CONTRIBUTIONS) + 10, 12, true);
    expect((await refusal(bytes)).message).toBe(
      damage(`${CONTRIBUTIONS} is compressed with method 12`),
    );
    const locked = sample();
    const at = record(locked, CONTRIBUTIONS);
    view(locked).setUint16(at + 8, view(locked).getUint16(at + 8, true) | 1, true);
    expect((await refusal(locked)).message).toBe(
      damage(`${CONTRIBUTIONS} is encrypted, which Excel never does to a part`),
    );
  });
});

describe(`a part over ${MAX_PART_BYTES / 1e6} MB is refused before it is inflated (XLSX.TOO_LARGE)`, () => {
  const tooLarge = (size: number, part = CONTRIBUTIONS): string =>
    `${NAME} cannot be read: its part ${part} is ${Math.round(size / 1e6)} MB uncompressed, over the 512 MB limit of a part.`;

  it('declared in the central directory', async () => {
    const bytes = sample();
    view(bytes).setUint32(record(bytes, CONTRIBUTIONS) + 24, 600_000_000, true);
    const error = await refusal(bytes);
    expect([error.code, error.message]).toEqual(['XLSX.TOO_LARGE', tooLarge(600_000_000)]);
  });

  it('declared in a Zip64 extra field (a 1 GB sheet)', async () => {
    const bytes = writeZip([...(await readZip(sample())).values()], { zip64: 'always' });
    const zip64At = centralRecords(bytes).find((r) => r.name === CONTRIBUTIONS)?.zip64At ?? 0;
    view(bytes).setBigUint64(zip64At, 1_000_000_000n, true);
    expect((await refusal(bytes)).message).toBe(tooLarge(1_000_000_000));
  });

  it('a part just at the limit is inflated (no refusal by size)', () => {
    const entry = { ...newEntry('x.xml', new Uint8Array(10)), size: MAX_PART_BYTES };
    expect(() => entryData(entry)).toThrow(
      'the workbook is damaged or incompletely downloaded (part x.xml is 10 bytes, not the 512000000 it declares)',
    );
  });

  it('an oversized part the fast path never reads is copied as stored, not refused', async () => {
    const bytes = sample();
    view(bytes).setUint32(record(bytes, 'docProps/core.xml') + 24, 600_000_000, true);
    const after = await readZip(await poolRun(bytes));
    expect(after.get('docProps/core.xml')?.size).toBe(600_000_000);
  });
});

describe('other formats are named (XLSX.NOT_A_WORKBOOK)', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('an .xlsb binary workbook', async () => {
    const bytes = await writeParts(
      new Map([
        ['[Content_Types].xml', encode('<Types/>')],
        [
          '_rels/.rels',
          encode(
            '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
          ),
        ],
        ['xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00])],
      ]),
    );
    await expect(openXlsx(bytes, 'plan.xlsb')).rejects.toMatchObject({
      code: 'XLSX.NOT_A_WORKBOOK',
      message:
        'plan.xlsb is an .xlsb binary workbook; save it as an Excel Workbook (.xlsx) in Excel and try again.',
    });
  });

  it('an OpenDocument spreadsheet, and another OpenDocument file', async () => {
    const ods = (type: string): Promise<Uint8Array> =>
      writeParts(
        new Map([
          ['mimetype', encode(type)],
          ['content.xml', encode('<office:document-content/>')],
        ]),
      );
    await expect(
      openXlsx(await ods('application/vnd.oasis.opendocument.spreadsheet'), 'plan.ods'),
    ).rejects.toMatchObject({
      code: 'XLSX.NOT_A_WORKBOOK',
      message:
        'plan.ods is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) and try again.',
    });
    await expect(
      openXlsx(await ods('application/vnd.oasis.opendocument.text'), 'plan.odt'),
    ).rejects.toMatchObject({
      message: 'plan.odt is an OpenDocument file but not a spreadsheet, so not a workbook.',
    });
  });

  it('an empty file', async () => {
    await expect(openXlsx(new Uint8Array(), 'plan.xlsx')).rejects.toMatchObject({
      code: 'XLSX.NOT_A_WORKBOOK',
      message:
        'plan.xlsx is an empty file (0 bytes), not a workbook; it may not have finished downloading or saving.',
    });
  });

  it('a plain zip of other files', async () => {
    const bytes = await writeParts(new Map([['notes.txt', encode('not a workbook')]]));
    await expect(openXlsx(bytes, 'notes.xlsx')).rejects.toMatchObject({
      code: 'XLSX.NOT_A_WORKBOOK',
      message:
        'notes.xlsx is a zip file but not an Excel workbook (.xlsx): it has no [Content_Types].xml or _rels/.rels.',
    });
  });
});

describe('ExcelTS reads the fixtures too (an independent check of the fixtures themselves)', () => {
  it('its streaming reader finds the same parts in each', async () => {
    for (const file of ['zip64.xlsx', 'streamed.xlsx', 'infozip.xlsx']) {
      const names: string[] = [];
      for await (const entry of unzip(readFileSync(join(PRODUCERS, file))).entries()) {
        names.push(entry.path);
        entry.discard();
      }
      expect(names.sort()).toEqual([...(await readZip(sample())).keys()].sort());
    }
  });
});
