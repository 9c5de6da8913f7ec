/**
 * The machinery under every proxy object: its binding to a model object (resolved at
 * sync, like an Office.js object path), the property values it has loaded, and the
 * queued actions a request carries to "Excel".
 */
import { ErrorCode, officeError } from './errors';
import type { WorkbookModel } from './model';

/** A symbol-keyed slot on every proxy, so its machinery stays out of its public members. */
export const CORE = Symbol('memoryExcelCore');

/** What a sync's response carries back: loaded values, delivered only if the sync succeeds. */
export class Response {
  bytes = 0;
  private readonly deliveries: { deliver: () => void; asNull?: () => void }[] = [];

  /**
   * Adds a loaded value of about `bytes` bytes, and what to do with it once delivered
   * (`asNull`: what a host that answers an oversized read with null delivers instead).
   */
  add(bytes: number, deliver: () => void, asNull?: () => void): void {
    this.bytes += bytes;
    this.deliveries.push(asNull ? { deliver, asNull } : { deliver });
  }

  /** Hands the loaded values to their proxies (nulls in place of 2-D values if `nulled`). */
  deliver(nulled = false): void {
    for (const { deliver, asNull } of this.deliveries) (nulled && asNull ? asNull : deliver)();
  }
}

/** One queued operation of a request. */
export interface Action {
  /** Where it came from, for `debugInfo.errorLocation`, e.g. "Range.values". */
  readonly location: string;
  /** Size of what the request carries for it (values written), in bytes. */
  requestBytes: number;
  run(response: Response): void;
}

/**
 * How this host behaves where Excel hosts differ or misbehave, so tests can run the
 * adapter against each (createMemoryExcel's `behaviour` option).
 */
export interface Behaviour {
  /** The newest ExcelApi requirement set the host supports; newer members raise ApiNotFound. */
  readonly excelApi: string;
  /**
   * Excel on the web lists workbook-scoped names in `worksheet.names` too, and finds them
   * there by name (office-js issue 1011).
   */
  readonly sheetNamesIncludeWorkbookNames: boolean;
  /**
   * `NamedItem.visible = false` set in the same request that adds the name is ignored
   * (office-js issue 3878: hiding works only on a name added by an earlier sync).
   */
  readonly hidingNewNameIgnored: boolean;
  /**
   * What a response over the limit does: Excel on the web's documented
   * ResponsePayloadSizeLimitExceeded, a bare GeneralException, or a "successful" sync
   * that delivers `null` for each 2-D property loaded (values, formulas...).
   */
  readonly oversizedResponse: 'ResponsePayloadSizeLimitExceeded' | 'GeneralException' | 'null';
}

/** The default host: Excel on the web as documented, ExcelApi 1.13. */
export const DEFAULT_BEHAVIOUR: Behaviour = {
  excelApi: '1.13',
  sheetNamesIncludeWorkbookNames: false,
  hidingNewNameIgnored: false,
  oversizedResponse: 'ResponsePayloadSizeLimitExceeded',
};

/** Whether `version` ("1.12") is at most the host's `excelApi`. */
export function supportsExcelApi(behaviour: Behaviour, version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [hostMajor = 0, hostMinor = 0] = behaviour.excelApi.split('.').map(Number);
  return hostMajor > major || (hostMajor === major && hostMinor >= minor);
}

/**
 * Raises ApiNotFound at the call, as office.js's `throwIfApiNotSupported` does (before
 * anything is queued), when the host lacks the member's requirement set.
 */
export function requireExcelApi(queue: ActionQueue, member: string, version: string): void {
  if (supportsExcelApi(queue.behaviour, version)) return;
  officeError(
    ErrorCode.apiNotFound,
    member,
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
  );
}

/** Excel on the web's limits, which the fake enforces. */
export interface Limits {
  /** Bytes a request may carry (Excel on the web: 5 MB). */
  readonly requestBytes: number;
  /** Bytes a response may carry (Excel on the web: 5 MB). */
  readonly responseBytes: number;
  /** Cells one range read or write may cover (5 million). */
  readonly cellsPerRange: number;
}

/** The request queue a proxy belongs to (its request context), and the workbook behind it. */
export interface ActionQueue {
  enqueue(action: Action): void;
  readonly limits: Limits;
  readonly model: WorkbookModel;
  readonly behaviour: Behaviour;
  /** The number of the request being run (one per sync), to tell what one request did. */
  readonly requestNumber: number;
  /** The request context the queue belongs to (an `Excel.RequestContext` to the add-in). */
  readonly context: unknown;
}

type State<M> =
  | { readonly kind: 'pending' }
  | { readonly kind: 'bound'; readonly model: M }
  | { readonly kind: 'null' };

/**
 * A proxy's binding. `resolver` finds the model object at sync time: it returns null for a
 * null object (the `...OrNullObject` methods), and throws ItemNotFound where Excel would.
 */
export class Core<M> {
  /** Property values loaded by a sync or set locally, as Office.js keeps them. */
  readonly loaded = new Map<string, unknown>();
  private state: State<M> = { kind: 'pending' };

  constructor(
    readonly queue: ActionQueue,
    readonly typeName: string,
    private readonly resolver: () => M | null,
    private readonly alive: (model: M) => boolean = () => true,
    /** For a navigation child (a range's `format`), the proxy it hangs from. */
    private readonly parent?: Core<unknown>,
  ) {}

  /**
   * The instantiation of a range made by a method, while it waits in the queue: office.js
   * keeps a reference to every range (a `_KeepReference` action, released when the run
   * ends) unless it is untracked, so `untrack` takes that action's bytes off.
   */
  instantiation?: { requestBytes: number };

  /** Object paths office.js sends for a navigation child (and its navigation parents). */
  private get pathBytes(): number {
    if (!this.parent) return 0;
    return WIRE_BYTES.navigation + this.typeName.length + this.parent.pathBytes;
  }

  /** `untrack()`: no reference is kept, so no keep-reference action is sent. */
  untrack(): void {
    if (this.instantiation) this.instantiation.requestBytes -= WIRE_BYTES.keepReference;
    this.instantiation = undefined;
  }

  /** Whether a sync has found this to be a null object; undefined before any sync resolved it. */
  get isNull(): boolean | undefined {
    if (this.state.kind === 'pending') return undefined;
    return this.state.kind === 'null';
  }

  /** The model object, or null for a null object. Runs at sync time. */
  resolve(): M | null {
    if (this.state.kind === 'pending') {
      const model = this.resolver();
      this.state = model === null ? { kind: 'null' } : { kind: 'bound', model };
    }
    if (this.state.kind === 'null') return null;
    if (!this.alive(this.state.model)) officeError(ErrorCode.itemNotFound, this.typeName);
    return this.state.model;
  }

  /** The model object; a null object here is an error, as acting on one is in Excel. */
  require(location: string): M {
    const model = this.resolve();
    if (model === null) officeError(ErrorCode.itemNotFound, location);
    return model;
  }

  /** Binds the proxy to an object created by an action (e.g. `worksheets.add`). */
  bind(model: M): void {
    this.state = { kind: 'bound', model };
  }

  /** Queues an action of this proxy's request. */
  enqueue(location: string, requestBytes: number, run: (response: Response) => void): void {
    this.queue.enqueue({ location, requestBytes: requestBytes + this.pathBytes, run });
  }

  /** Reads a property as Office.js does: PropertyNotLoaded unless loaded (or set) and not null. */
  read<T>(name: string): T {
    if (this.loaded.has(name)) return this.loaded.get(name) as T;
    if (this.state.kind === 'null') return undefined as T;
    return officeError(ErrorCode.propertyNotLoaded, `${this.typeName}.${name}`, name);
  }
}

/**
 * What office.js serialises around each kind of queued operation, in bytes, taken from
 * the real client's requests (test/office-js/requestSizes.test.ts records them and checks
 * the fake's request bytes against them): every request repeats the object paths it uses
 * and wraps every operation in an action with ids.
 */
export const WIRE_BYTES = {
  /** The request envelope, the workbook root and its worksheets path. */
  request: 270,
  /** A set-property or method action, around its name and arguments' JSON. */
  action: 80,
  /** A load (query action), around its select list. */
  query: 20,
  /** An object made by a method: its object path and instantiate action, around its arguments. */
  object: 150,
  /** A range's further keep-reference and instantiate actions. */
  range: 190,
  /** Of which the keep-reference action, which an untracked range does without. */
  keepReference: 80,
  /** A navigation property's object path (`format`, `font`) and instantiate action. */
  navigation: 110,
} as const;

/** Approximate JSON size of a value, as the payload limits count it. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return utf8Length(JSON.stringify(value));
}

/** UTF-8 bytes of a string: the request is sent as UTF-8, so "£" counts two. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2;
      i++;
    } else bytes += code < 0x800 ? 1 : 2;
  }
  return bytes;
}
