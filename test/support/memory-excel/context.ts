/**
 * `Excel.RequestContext` in memory: it queues the actions of one `Excel.run` batch and, at
 * `sync()`, runs them in order against the workbook model, counting syncs and payload
 * bytes and enforcing Excel on the web's limits.
 *
 * Failure semantics, as in Excel: a request over the payload limit is refused before
 * anything runs; otherwise actions run in order and a failing one stops the batch, leaving
 * the actions before it applied (Excel does not roll a batch back) and delivering no
 * loaded values. The add-in must therefore not rely on rollback.
 */
import {
  Core,
  Response,
  WIRE_BYTES,
  type Action,
  type ActionQueue,
  type Behaviour,
  type Limits,
} from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, MemoryExcelError } from './errors';
import type { WorkbookModel } from './model';
import { MemoryWorkbook } from './workbook';

/** What one sync carried. */
export interface SyncRecord {
  /** Bytes of the request as office.js would serialise it (see `WIRE_BYTES`). */
  readonly requestBytes: number;
  /** Bytes of the response: values loaded. */
  readonly responseBytes: number;
  /** How many queued actions (including object instantiations) the request held. */
  readonly actions: number;
  /** The error code if the sync failed. */
  readonly failed?: string;
}

/** The session a context reports to: the workbook, limits and the sync log. */
export interface Session {
  readonly model: WorkbookModel;
  readonly limits: Limits;
  readonly behaviour: Behaviour;
  readonly syncs: SyncRecord[];
  /** Resolves when the user leaves cell-edit mode (what a delayed batch waits for). */
  cellEditEnded(): Promise<void>;
}

/** `Excel.RunOptions` as the fake honours them. */
export interface MemoryRunOptions {
  readonly delayForCellEdit?: boolean;
}

/** No-op tracked objects: the fake does not need them, but code calls them. */
export class MemoryTrackedObjects {
  add(_objects: OfficeExtension.ClientObject | OfficeExtension.ClientObject[]): void {}
  remove(_objects: OfficeExtension.ClientObject | OfficeExtension.ClientObject[]): void {}
}

/** The queue of a request context: what the proxies see. */
class RequestQueue implements ActionQueue {
  pending: Action[] = [];
  constructor(
    private readonly session: Session,
    readonly context: MemoryRequestContext,
  ) {}
  get limits(): Limits {
    return this.session.limits;
  }
  get model(): WorkbookModel {
    return this.session.model;
  }
  get behaviour(): Behaviour {
    return this.session.behaviour;
  }
  get requestNumber(): number {
    return this.session.syncs.length;
  }
  enqueue(action: Action): void {
    this.pending.push(action);
  }
}

/** Asks a context whether actions wait for a sync (Excel.run syncs them at the end). */
export const HAS_PENDING = Symbol('hasPending');

/** The request context of one `run`. */
export class MemoryRequestContext {
  readonly trackedObjects: OfficeExtension.TrackedObjects = new MemoryTrackedObjects();
  private readonly queue: RequestQueue;
  private readonly root: MemoryWorkbook;

  constructor(
    private readonly session: Session,
    private readonly options: MemoryRunOptions = {},
  ) {
    this.queue = new RequestQueue(session, this);
    this.root = new MemoryWorkbook(
      new Core<WorkbookModel>(this.queue, 'Workbook', () => session.model),
    );
  }

  /** The workbook. */
  get workbook(): Excel.Workbook {
    return this.root as unknown as Excel.Workbook;
  }

  [HAS_PENDING](): boolean {
    return this.queue.pending.length > 0;
  }

  /** `context.load(object, properties)`, the same as `object.load(properties)`. */
  load(
    object: OfficeExtension.ClientObject,
    option?: string | string[] | OfficeExtension.LoadOption,
  ): void {
    (object as unknown as { load(spec: unknown): unknown }).load(option);
  }

  /** Sends the queued actions to "Excel" and delivers what was loaded. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const batch = this.queue.pending;
    this.queue.pending = [];
    await Promise.resolve();
    if (batch.length === 0) return passThroughValue as T; // Office.js makes no round trip for an empty request
    // Cell-edit mode: the host refuses the whole request (nothing runs), unless the run
    // asked to wait (Excel.RunOptions.delayForCellEdit), when it runs once editing ends.
    while (this.session.model.cellEditMode) {
      if (!this.options.delayForCellEdit) {
        this.session.syncs.push({
          requestBytes: 0,
          responseBytes: 0,
          actions: batch.length,
          failed: ErrorCode.invalidOperationInCellEditMode,
        });
        throw new MemoryExcelError(ErrorCode.invalidOperationInCellEditMode, 'RequestContext.sync');
      }
      await this.session.cellEditEnded();
    }
    const requestBytes = batch.reduce(
      (sum: number, action) => sum + action.requestBytes,
      WIRE_BYTES.request,
    );
    const limits = this.session.limits;
    const record = (responseBytes: number, failed?: string): void => {
      const entry = { requestBytes, responseBytes, actions: batch.length };
      this.session.syncs.push(failed ? { ...entry, failed } : entry);
    };
    if (requestBytes > limits.requestBytes) {
      record(0, ErrorCode.requestPayloadSizeLimitExceeded);
      throw new MemoryExcelError(
        ErrorCode.requestPayloadSizeLimitExceeded,
        'RequestContext.sync',
        `${requestBytes} bytes`,
      );
    }
    const response = new Response();
    for (const action of batch) {
      try {
        action.run(response);
      } catch (error) {
        record(0, error instanceof MemoryExcelError ? error.code : 'GeneralException');
        throw error instanceof MemoryExcelError ? locate(error, action, batch) : error;
      }
    }
    if (response.bytes > limits.responseBytes) {
      const oversized = this.session.behaviour.oversizedResponse;
      if (oversized === 'null') {
        // A host that answers an oversized read with nulls and no error: the sync
        // "succeeds" and every 2-D property loaded comes back null.
        record(response.bytes);
        response.deliver(true);
        return passThroughValue as T;
      }
      const code =
        oversized === 'GeneralException'
          ? ErrorCode.generalException
          : ErrorCode.responsePayloadSizeLimitExceeded;
      record(response.bytes, code);
      throw new MemoryExcelError(code, 'RequestContext.sync', `${response.bytes} bytes`);
    }
    record(response.bytes);
    response.deliver();
    return passThroughValue as T;
  }
}

function locate(
  error: MemoryExcelError,
  action: Action,
  batch: readonly Action[],
): MemoryExcelError {
  error.debugInfo.statement = action.location;
  error.debugInfo.surroundingStatements = batch.map((a) => a.location);
  return error;
}

/** Drift guards. */
export type TrackedObjectsIsFaithful = FaithfulTo<
  OfficeExtension.TrackedObjects,
  MemoryTrackedObjects
>;
export type RequestContextIsFaithful = FaithfulTo<Excel.RequestContext, MemoryRequestContext>;
