/**
 * Microsoft's office.js (excel-web-16.00.debug.js) over the in-memory Excel: the real
 * client builds every request (its proxies, load and sync rules, serialisation) and this
 * host answers it from the in-memory workbook, by replaying the request's object paths
 * and actions on the in-memory Excel's own proxies and syncing them. So an adapter run
 * here goes through the real client's semantics, and the in-memory Excel's model decides
 * the answers.
 *
 * The subset the add-in uses: object paths by property, method, indexer and reference
 * id; instantiate, query, method and set-property actions. Every object the client
 * instantiates gets a `_ReferenceId` unless it was untracked, so later requests address
 * it by reference, as the client does for kept ranges in Excel. (Excel identifies some
 * objects, such as an added sheet, by their `Id` instead; here every object is released
 * by the end-of-run request, so that request is larger than Excel's would be.) Errors
 * come back with Excel's code and message, as the host's `Body.Error`.
 */
import type { ExcelRun } from '../../../src/adapters/office/excelRun';
import type { MemoryExcel } from '../memory-excel';
import {
  ActionType,
  loadOfficeJs,
  utf8Bytes,
  type Action,
  type RecordedRequest,
  type RequestBody,
} from './recordingHost';

/** Object path types (OfficeExtension ObjectPathType). */
const PathType = { global: 1, property: 4, method: 3, indexer: 5, reference: 6, nullObject: 7 };

type Proxy = Record<string, unknown> & { load?: (spec?: unknown) => unknown };

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function read(proxy: Proxy, name: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value = proxy[name];
    return value === undefined ? { ok: false } : { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function isProxy(value: unknown): value is Proxy {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'context' in value;
}

/** Load paths grouped by their first step: "worksheet/name" → worksheet: ["name"]. */
function byHead(paths: readonly string[]): Map<string, string[]> {
  const heads = new Map<string, string[]>();
  for (const path of paths) {
    const [head = '', ...rest] = path.split('/');
    heads.set(head, [...(heads.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
  }
  return heads;
}

/** The loaded values at `paths` of a proxy, as office.js expects them (PascalCase keys). */
function serialise(proxy: Proxy, paths: readonly string[], refer: (p: Proxy) => string): unknown {
  const out: Record<string, unknown> = {};
  const heads = byHead(paths);
  const own = [...heads].filter(
    ([head]) => head !== 'items' && head !== '*' && read(proxy, head).ok,
  );
  const items = read(proxy, 'items');
  if (items.ok && Array.isArray(items.value)) {
    const itemPaths = paths
      .filter((path) => !own.some(([head]) => path.split('/')[0] === head))
      .map((path) => (path.startsWith('items/') ? path.slice('items/'.length) : path))
      .filter((path) => path !== 'items');
    out._Items = (items.value as Proxy[]).map((item) => ({
      ...(serialise(item, itemPaths.length ? itemPaths : ['*'], refer) as object),
      _ReferenceId: refer(item),
    }));
  }
  if (heads.has('*') && !items.ok) {
    const scalars = Object.keys((proxy as { scalars?: object }).scalars ?? {});
    for (const name of scalars) {
      const got = read(proxy, name);
      if (got.ok) out[pascal(name)] = got.value;
    }
  }
  for (const [head, rest] of own) {
    const value = (read(proxy, head) as { value: unknown }).value;
    out[pascal(head)] = isProxy(value)
      ? serialise(value, rest.length ? rest : ['*'], refer)
      : value;
  }
  return out;
}

/** A request executor for one office.js context, over one long-lived in-memory context. */
class MemoryExecutor {
  private readonly references = new Map<string, Proxy>();
  private readonly ids = new WeakMap<object, string>();
  private context?: Excel.RequestContext;
  readonly requests: RecordedRequest[] = [];

  constructor(private readonly excel: MemoryExcel) {}

  private memoryContext(): Promise<Excel.RequestContext> {
    if (this.context) return Promise.resolve(this.context);
    return new Promise((resolve) => {
      // A run that never ends: the office.js context's requests all use its context.
      void this.excel.run((context) => {
        this.context = context;
        resolve(context);
        return new Promise<never>(() => undefined);
      });
    });
  }

  private refer(proxy: Proxy): string {
    let id = this.ids.get(proxy);
    if (!id) {
      id = `ref${this.references.size + 1}`;
      this.ids.set(proxy, id);
      this.references.set(id, proxy);
    }
    return id;
  }

  async executeAsync(
    _customData: unknown,
    _flags: number,
    message: { Body: RequestBody },
  ): Promise<unknown> {
    const body = message.Body;
    const text = JSON.stringify(body);
    this.requests.push({ bytes: utf8Bytes(text), body: JSON.parse(text) as RequestBody });
    const context = await this.memoryContext();
    const objects = new Map<number, Proxy | null>();
    const resolve = (id: number): Proxy | null => {
      if (objects.has(id)) return objects.get(id) ?? null;
      const path = body.ObjectPaths[String(id)];
      if (!path) throw new Error(`office.js sent no object path ${id}`);
      const args = (path.ArgumentInfo?.Arguments ?? []).map((arg, i) => {
        const ref = (path.ArgumentInfo as { ReferencedObjectPathIds?: number[] } | undefined)
          ?.ReferencedObjectPathIds?.[i];
        return ref ? resolve(ref) : arg;
      });
      const parent =
        path.ParentObjectPathId === undefined ? null : resolve(path.ParentObjectPathId);
      let object: Proxy | null;
      switch (path.ObjectPathType) {
        case PathType.global:
          object = context.workbook as unknown as Proxy;
          break;
        case PathType.property:
          object = (parent?.[camel(path.Name)] as Proxy | undefined) ?? null;
          break;
        case PathType.method: {
          const method = parent?.[camel(path.Name)];
          if (typeof method !== 'function')
            throw new Error(`The in-memory Excel has no method ${path.Name}`);
          object = (method as (...a: unknown[]) => Proxy).apply(parent, args);
          break;
        }
        case PathType.indexer:
          object = (parent?.getItem as (...a: unknown[]) => Proxy).apply(parent, args);
          break;
        case PathType.reference:
          object = this.references.get(path.Name) ?? null;
          break;
        default:
          object = null;
      }
      if (object === undefined) throw new Error(`The in-memory Excel has no ${path.Name}`);
      objects.set(id, object);
      return object;
    };
    const queries: { action: Action; proxy: Proxy; paths: string[] }[] = [];
    const instantiated: { action: Action; proxy: Proxy | null }[] = [];
    try {
      for (const action of body.Actions) {
        const proxy = resolve(action.ObjectPathId);
        const args = action.ArgumentInfo?.Arguments ?? [];
        switch (action.ActionType) {
          case ActionType.instantiate:
            instantiated.push({ action, proxy });
            break;
          case ActionType.query: {
            const paths = [...(action.QueryInfo?.Select ?? ['*'])];
            proxy?.load?.(paths.join(', '));
            if (proxy) queries.push({ action, proxy, paths });
            break;
          }
          case ActionType.method:
            // Excel's own bookkeeping and checks: keeping a reference (every object here has
            // one), and checking a large array's size before it is set (the fake checks
            // sizes when the values are set).
            if (action.Name === '_KeepReference' || action.Name === '_ValidateArraySize') break;
            if (action.Name === '_RemoveReference') {
              // The end-of-run release of auto-tracked objects: bookkeeping only.
              this.references.delete(String(args[0]));
              break;
            }
            {
              const method = proxy?.[camel(action.Name)];
              if (typeof method !== 'function')
                throw new Error(`The in-memory Excel has no method ${action.Name}`);
              (method as (...a: unknown[]) => unknown).apply(proxy, [...args]);
            }
            break;
          case ActionType.setProperty:
            if (proxy) proxy[camel(action.Name)] = args[0];
            break;
          default:
            throw new Error(`The memory host does not handle action type ${action.ActionType}`);
        }
      }
      await context.sync();
    } catch (error) {
      const e = error as {
        code?: string;
        message?: string;
        debugInfo?: { errorLocation?: string };
      };
      return {
        HttpStatusCode: 200,
        ErrorCode: '',
        ErrorMessage: '',
        Headers: {},
        Body: {
          Error: {
            Code: e.code ?? 'GeneralException',
            Message: e.message ?? String(error),
            Location: e.debugInfo?.errorLocation ?? '',
            HttpStatusCode: 400,
          },
        },
      };
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const { action, proxy } of instantiated) {
      // An untracked object keeps no reference: Excel answers with the object, no id.
      const untracked = body.ObjectPaths[String(action.ObjectPathId)]?.D === true;
      const nullness = proxy === null ? undefined : read(proxy, 'isNullObject');
      const isNull = proxy === null || (nullness?.ok === true && nullness.value === true);
      results.push({
        ActionId: action.Id,
        Value: isNull || !proxy ? null : untracked ? {} : { _ReferenceId: this.refer(proxy) },
      });
    }
    for (const { action, proxy, paths } of queries) {
      // A null object's load answers null (office.js takes any object as "not null").
      const nullness = read(proxy, 'isNullObject');
      const isNull = nullness.ok && nullness.value === true;
      results.push({
        ActionId: action.Id,
        Value: isNull ? null : serialise(proxy, paths, (p) => this.refer(p)),
      });
    }
    results.sort((a, b) => a.ActionId - b.ActionId);
    return {
      HttpStatusCode: 200,
      ErrorCode: '',
      ErrorMessage: '',
      Headers: {},
      Body: { Results: results },
    };
  }
}

/** `Excel.run` of the real office.js, answered by the in-memory Excel; and the request sizes. */
export function officeJsOverMemory(excel: MemoryExcel): {
  run: ExcelRun;
  /** The requests of the add-in's syncs. */
  requests: RecordedRequest[];
  /** The requests office.js sends at the end of a run, releasing the references it kept. */
  releases: RecordedRequest[];
} {
  const { Excel, OfficeExtension } = loadOfficeJs();
  const requests: RecordedRequest[] = [];
  const releases: RecordedRequest[] = [];
  const isRelease = (request: RecordedRequest): boolean =>
    request.body.Actions.some((a) => a.Name === '_RemoveReference') &&
    request.body.Actions.every(
      (a) => a.ActionType === ActionType.instantiate || a.Name === '_RemoveReference',
    );
  class MemorySession extends OfficeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: object }> {
      return Promise.resolve({ url: 'http://_localhost/', headers: {} });
    }
    _createRequestExecutorOrNull(): object {
      const executor = new MemoryExecutor(excel);
      return {
        executeAsync: async (c: unknown, f: number, m: { Body: RequestBody }) => {
          const response = await executor.executeAsync(c, f, m);
          for (const request of executor.requests.splice(0))
            (isRelease(request) ? releases : requests).push(request);
          return response;
        },
      };
    }
  }
  const session = new MemorySession();
  return {
    run: (batch) => {
      OfficeExtension.SessionBase._overrideSession = session;
      return Excel.run(batch);
    },
    requests,
    releases,
  };
}
