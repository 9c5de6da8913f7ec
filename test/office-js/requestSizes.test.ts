/**
 * @jest-environment jsdom
 *
 * Request sizes taken from Microsoft's own office.js (see test/support/office-js/): the
 * adapter's write operations run over the real Excel client, answered by the in-memory
 * Excel (the requests releasing kept references at the end of a run are left out).
 * The requests it builds are kept as golden files (test/office-js/golden/, rewritten with
 * UPDATE_OFFICE_JS_GOLDEN=1); the in-memory Excel's request bytes must match them within
 * {@link TOLERANCE}; and no request may exceed the adapter's budget or Excel on the web's
 * 5 MB limit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAYLOAD_BUDGET_BYTES } from '../../src/adapters/office';
import { createMemoryExcel } from '../support/memory-excel';
import { officeJsOverMemory } from '../support/office-js/memoryHost';
import {
  ActionType,
  type RecordedRequest,
  type RequestBody,
} from '../support/office-js/recordingHost';
import { OPERATIONS, type Operation } from './operations';

/** Excel on the web's request limit. */
const EXCEL_WEB_LIMIT = 5_000_000;
/** The fake's request bytes may differ from the real client's by this fraction, or 300 bytes. */
const TOLERANCE = { fraction: 0.1, bytes: 300 };
/** Requests this small are kept whole in the golden files, to read. */
const KEEP_BODY_UNDER = 20_000;

/** What a golden file keeps of one request. */
interface GoldenRequest {
  readonly bytes: number;
  readonly objectPaths: number;
  readonly actions: Readonly<Record<string, number>>;
  readonly body?: RequestBody;
}

function golden(request: RecordedRequest): GoldenRequest {
  const actions: Record<string, number> = {};
  for (const action of request.body.Actions) {
    const kind =
      Object.entries(ActionType).find(([, type]) => type === action.ActionType)?.[0] ??
      String(action.ActionType);
    actions[kind] = (actions[kind] ?? 0) + 1;
  }
  return {
    bytes: request.bytes,
    objectPaths: Object.keys(request.body.ObjectPaths).length,
    actions,
    ...(request.bytes < KEEP_BODY_UNDER ? { body: request.body } : {}),
  };
}

const recorded = new Map<string, GoldenRequest[]>();

async function record(op: Operation): Promise<GoldenRequest[]> {
  const cached = recorded.get(op.name);
  if (cached) return cached;
  const host = officeJsOverMemory(createMemoryExcel(op.seed));
  await op.run(host.run);
  const requests = host.requests.map(golden);
  recorded.set(op.name, requests);
  return requests;
}

function goldenPath(op: Operation): string {
  return join(__dirname, 'golden', `${op.name}.json`);
}

const cases = OPERATIONS.map((op) => [op.name, op] as const);

describe('the real office.js requests for each adapter operation', () => {
  it.each(cases)('%s matches its golden file', async (_name, op) => {
    const requests = await record(op);
    const path = goldenPath(op);
    if (process.env.UPDATE_OFFICE_JS_GOLDEN === '1' || !existsSync(path)) {
      writeFileSync(path, `${JSON.stringify({ operation: op.name, requests }, null, 1)}\n`);
    }
    const kept = JSON.parse(readFileSync(path, 'utf8')) as { requests: GoldenRequest[] };
    expect(requests).toEqual(kept.requests);
  });
});

describe("the in-memory Excel's request bytes against the real client's", () => {
  it.each(cases)('%s: each request within 10%% (or 300 bytes)', async (_name, op) => {
    const real = (await record(op)).map((r) => r.bytes);
    const excel = createMemoryExcel(op.seed);
    await op.run(excel.run);
    const fake = excel.syncs.map((s) => s.requestBytes);
    console.log(
      `${op.name}: office.js ${real.join(', ')} bytes; in-memory Excel ${fake.join(', ')}`,
    );
    expect(fake).toHaveLength(real.length);
    fake.forEach((bytes, i) => {
      const expected = real[i] ?? 0;
      const allowed = Math.max(TOLERANCE.bytes, expected * TOLERANCE.fraction);
      expect(Math.abs(bytes - expected)).toBeLessThanOrEqual(allowed);
    });
  });
});

describe('request budgets on the wire', () => {
  it.each(cases)('%s: every request within the adapter budget (4 MB)', async (_name, op) => {
    const requests = await record(op);
    for (const { bytes } of requests) expect(bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  });

  it('prepare for sharing and restore on 30,000 formula cells stay under 5 MB a request', async () => {
    for (const name of ['prepareForSharing-30000-cells', 'restore-30000-cells']) {
      const op = OPERATIONS.find((o) => o.name === name);
      if (!op) throw new Error(`No operation ${name}`);
      const sizes = (await record(op)).map((r) => r.bytes);
      console.log(`${name}: ${sizes.length} requests of ${sizes.join(', ')} bytes`);
      expect(sizes.length).toBeGreaterThan(2);
      expect(Math.max(...sizes)).toBeLessThan(EXCEL_WEB_LIMIT);
    }
  });
});
