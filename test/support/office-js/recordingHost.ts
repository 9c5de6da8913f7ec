/**
 * Microsoft's own Excel client (`@microsoft/office-js`, excel-web-16.00.debug.js) with its
 * transport replaced by a recorder, so tests see the exact requests office.js builds for
 * the adapter's batches: its proxy objects, object paths, actions and JSON serialisation.
 *
 * How the transport is replaced: `Excel.run` makes a `ClientRequestContext`, which takes
 * its request URL and executor from `OfficeExtension.SessionBase._overrideSession` when
 * one is set (the hook office.js's own tests use). Our session hands out an executor that
 * records `JSON.stringify(requestMessage.Body)` (what `OfficeJsRequestExecutor` passes to
 * the host, `RichApiMessageUtility.buildMessageArrayForIRequestExecutor`) and answers.
 *
 * The host answers only what the recorded operations read: a load of a collection's
 * `items` is answered from `collections` (by the collection's path, e.g. "Worksheets"),
 * everything else with an empty result. It is a recorder, not a model of Excel.
 *
 * Needs a DOM (`@jest-environment jsdom`): office.js reads `window`, `document`, `navigator`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExcelRun } from '../../../src/adapters/office/excelRun';

/** An object path of a request, as office.js serialises it. */
export interface ObjectPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments: readonly unknown[] };
  /** Set when the object keeps no reference (untracked). */
  readonly D?: boolean;
}

/** An action of a request, as office.js serialises it. */
export interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments: readonly unknown[] };
  readonly QueryInfo?: { readonly Select?: readonly string[] };
}

/** The body of one request (one `context.sync()` with work queued). */
export interface RequestBody {
  readonly Actions: readonly Action[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPath>>;
}

/** One request office.js sent. */
export interface RecordedRequest {
  /** UTF-8 bytes of the serialised body: what the host receives and the 5 MB limit counts. */
  readonly bytes: number;
  readonly body: RequestBody;
}

/** Office.js action types (OfficeExtension ActionType). */
export const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

const OFFICE_JS = join(
  __dirname,
  '../../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js',
);

interface OfficeJsGlobals {
  readonly Excel: { run: ExcelRun };
  readonly OfficeExtension: {
    SessionBase: { new (): object; _overrideSession?: object };
  };
}

/** UTF-8 length of a string (office.js sends the JSON text as UTF-8). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Loads the real office.js into this (jsdom) global scope, once. */
export function loadOfficeJs(): OfficeJsGlobals {
  const scope = globalThis as unknown as Partial<OfficeJsGlobals>;
  if (!scope.Excel?.run) {
    // Indirect eval runs the script in the global scope, as a <script> tag would.
    (0, eval)(readFileSync(OFFICE_JS, 'utf8'));
  }
  return scope as OfficeJsGlobals;
}

/** Names of a path from the root, e.g. ["Worksheets"] for `workbook.worksheets`. */
function pathNames(body: RequestBody, id: number): string[] {
  const path = body.ObjectPaths[String(id)];
  if (!path) return [];
  const parent =
    path.ParentObjectPathId === undefined ? [] : pathNames(body, path.ParentObjectPathId);
  return path.Name === '' ? parent : [...parent, path.Name];
}

/** What the recording host answers, by collection path ("Worksheets" → sheet names). */
export type Collections = Readonly<Record<string, readonly string[]>>;

/** A recorder over the real office.js: its `run` is `Excel.run`, its `requests` what it sent. */
export interface RecordingExcel {
  readonly run: ExcelRun;
  readonly requests: readonly RecordedRequest[];
}

/** Installs the recorder as office.js's session and returns it. */
export function recordingExcel(collections: Collections = {}): RecordingExcel {
  const { Excel, OfficeExtension } = loadOfficeJs();
  const requests: RecordedRequest[] = [];
  const answer = (body: RequestBody): unknown[] =>
    body.Actions.filter((action) => action.ActionType === ActionType.query).map((action) => {
      const names = collections[pathNames(body, action.ObjectPathId).join('/')] ?? [];
      return { ActionId: action.Id, Value: { _Items: names.map((name) => ({ Name: name })) } };
    });
  const executor = {
    executeAsync(_customData: unknown, _flags: number, message: { Body: RequestBody }) {
      const text = JSON.stringify(message.Body);
      requests.push({ bytes: utf8Bytes(text), body: JSON.parse(text) as RequestBody });
      return Promise.resolve({
        HttpStatusCode: 200,
        ErrorCode: '',
        ErrorMessage: '',
        Headers: {},
        Body: { Results: answer(message.Body) },
      });
    },
  };
  class RecordingSession extends OfficeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: object }> {
      return Promise.resolve({ url: 'http://_localhost/', headers: {} });
    }
    _createRequestExecutorOrNull(): typeof executor {
      return executor;
    }
  }
  OfficeExtension.SessionBase._overrideSession = new RecordingSession();
  return { run: (batch) => Excel.run(batch), requests };
}
