import type { CellValue, SheetCells } from '../ports/workbook';
import { sheetRef } from '../ports/a1';
import { FindingCode, type Finding } from './findings';
import { findLabelled, type LabelledValue } from './labelCells';
import { headerKey } from './headerText';
import {
  fieldNamed,
  kindNamed,
  parseMapping,
  type ColumnMapping,
  type LabelMapping,
} from './mapping';
import type { MechanismId } from './mechanisms/index';
import type { ParamValue, ScenarioParams } from './params';
import type { ColumnType } from './tableSchema';

/**
 * Datamaps: a fixed-layout template that others publish (an official-style BCF
 * planning return) described in a JSON file rather than in code, as consolidation
 * tools for government returns do. A datamap says how to recognise the template (the
 * sheet names and the label texts its title blocks hold), where each of the add-in's
 * table kinds is in it (a sheet and, per field, the column's header text and type) and
 * which single cells (the board, the plan year, a plan's minima) sit beside which
 * labels. Reading goes through the column-mapping machinery (mapping.ts): header rows
 * are found by their text, never by a fixed address, so nothing is read by position.
 *
 * @example
 * { "datamap": "bcf-planning-return", "title": "BCF planning return",
 *   "recognise": [{ "sheet": "Income", "label": "Health and Wellbeing Board:" }],
 *   "tables": { "income": { "sheet": "Income", "columns": {
 *     "source": { "header": "Source of Funding", "type": "option" },
 *     "amount": { "header": "Income (£)", "type": "amount" } } } },
 *   "cells": { "board": { "sheet": "Income", "label": "Health and Wellbeing Board:" } },
 *   "params": { "checks": { "socialCareMinimum": { "sheet": "Income", "label": "..." } } } }
 */

/** A text the template holds on a sheet (a title-block label), by which it is recognised. */
export interface DatamapMark {
  readonly sheet: string;
  readonly label: string;
}

/** A checked datamap. */
export interface Datamap {
  /** Short identifier, e.g. `bcf-planning-return`. */
  readonly id: string;
  /** For people: "BCF planning return (official-style, 2024-25)". */
  readonly title: string;
  readonly marks: readonly DatamapMark[];
  /** The sheets the template has (those of its marks and tables). */
  readonly sheets: readonly string[];
  /** Tables and single cells, as a column mapping reads them. */
  readonly mapping: ColumnMapping;
  /** Scenario parameters kept in labelled cells of the template, by mechanism. */
  readonly params: Partial<Record<MechanismId, Readonly<Record<string, LabelMapping>>>>;
}

/** The type names a datamap's fields use, and the column types they stand for. */
const TYPE_NAMES: Readonly<Record<string, ColumnType['kind']>> = {
  text: 'text',
  amount: 'amount',
  number: 'number',
  percent: 'fraction',
  integer: 'integer',
  option: 'enum',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

function parseMark(value: unknown, where: string): Parsed<DatamapMark> {
  if (!isRecord(value) || !isText(value.sheet) || !isText(value.label)) {
    return { ok: false, problem: `${where} needs "sheet" and "label" (texts).` };
  }
  return { ok: true, value: { sheet: value.sheet, label: value.label } };
}

/** The tables part with each column reduced to its header, after checking the types. */
function parseTables(tables: unknown): Parsed<Record<string, unknown>> {
  if (!isRecord(tables))
    return { ok: false, problem: '"tables" must be an object of table kinds.' };
  const plain: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(tables)) {
    const kind = kindNamed(name);
    if (kind === undefined || !isRecord(entry) || !isRecord(entry.columns)) {
      plain[name] = entry; // parseMapping names the problem
      continue;
    }
    const columns: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(entry.columns)) {
      if (!isRecord(column)) {
        columns[field] = column;
        continue;
      }
      const where = `tables.${name}.columns.${field}`;
      if (!isText(column.header))
        return { ok: false, problem: `${where} needs "header", the column's header text.` };
      if (column.type !== undefined) {
        const named = typeof column.type === 'string' ? column.type : JSON.stringify(column.type);
        const type = TYPE_NAMES[named];
        if (type === undefined) {
          return {
            ok: false,
            problem: `${where}.type ${JSON.stringify(named)} is not a type (use one of ${Object.keys(TYPE_NAMES).join(', ')}).`,
          };
        }
        const spec = fieldNamed(kind, field);
        if (spec !== undefined && spec.type.kind !== type) {
          const actual = Object.keys(TYPE_NAMES).find((k) => TYPE_NAMES[k] === spec.type.kind);
          return {
            ok: false,
            problem: `${where}.type is "${named}", but ${kind.defaultName}'s ${spec.header} is ${actual ?? spec.type.kind}.`,
          };
        }
      }
      columns[field] = column.header;
    }
    plain[name] = { ...entry, columns };
  }
  return { ok: true, value: plain };
}

function parseParams(value: unknown): Parsed<Datamap['params']> {
  if (value === undefined) return { ok: true, value: {} };
  if (!isRecord(value)) return { ok: false, problem: '"params" must be an object by mechanism.' };
  const params: Partial<Record<MechanismId, Record<string, LabelMapping>>> = {};
  for (const [mechanism, cells] of Object.entries(value)) {
    if (!isRecord(cells)) return { ok: false, problem: `params.${mechanism} must be an object.` };
    const byId: Record<string, LabelMapping> = {};
    for (const [id, cell] of Object.entries(cells)) {
      const mark = parseMark(cell, `params.${mechanism}.${id}`);
      if (!mark.ok) return mark;
      byId[id] = mark.value;
    }
    params[mechanism as MechanismId] = byId;
  }
  return { ok: true, value: params };
}

/**
 * Reads and checks a datamap from parsed JSON.
 *
 * @returns the datamap, or its problem in one sentence naming the key and value.
 */
export function parseDatamap(
  value: unknown,
):
  | { readonly ok: true; readonly datamap: Datamap }
  | { readonly ok: false; readonly problem: string } {
  const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });
  if (!isRecord(value))
    return fail('a datamap is an object {"datamap": ..., "recognise": [...], "tables": {...}}.');
  if (!isText(value.datamap)) return fail('"datamap" must be the datamap\'s identifier (text).');
  const title = isText(value.title) ? value.title : value.datamap;
  if (!Array.isArray(value.recognise) || value.recognise.length === 0) {
    return fail('"recognise" must list the sheets and labels that identify the template.');
  }
  const marks: DatamapMark[] = [];
  for (const [i, entry] of value.recognise.entries()) {
    const mark = parseMark(entry, `recognise[${i}]`);
    if (!mark.ok) return fail(mark.problem);
    marks.push(mark.value);
  }
  const tables = parseTables(value.tables);
  if (!tables.ok) return fail(tables.problem);
  const mapping = parseMapping({
    tables: tables.value,
    ...(value.cells === undefined ? {} : { cells: value.cells }),
  });
  if (!mapping.ok) return fail(mapping.problem);
  for (const [name, entry] of Object.entries(mapping.mapping.tables)) {
    if (entry?.sheet === undefined)
      return fail(`tables.${name} must name a "sheet" (a datamap reads plain ranges).`);
  }
  const params = parseParams(value.params);
  if (!params.ok) return fail(params.problem);
  const sheets: string[] = [];
  const addSheet = (sheet: string | undefined): void => {
    if (sheet !== undefined && !sheets.some((s) => s.toLowerCase() === sheet.toLowerCase()))
      sheets.push(sheet);
  };
  marks.forEach((m) => addSheet(m.sheet));
  Object.values(mapping.mapping.tables).forEach((t) => addSheet(t?.sheet));
  return {
    ok: true,
    datamap: {
      id: value.datamap,
      title,
      marks,
      sheets,
      mapping: mapping.mapping,
      params: params.value,
    },
  };
}

function labelKey(text: string): string {
  return headerKey(text).replace(/[:：]+$/u, '');
}

function holds(cells: SheetCells, key: string): boolean {
  return cells.values.some((line) =>
    line.some((v) => typeof v === 'string' && labelKey(v) === key),
  );
}

/** Whether, and how well, a workbook is the template a datamap describes. */
export type Recognition =
  | { readonly status: 'recognised' }
  /** Like the template (its sheets, or its labels), but not a version the datamap knows. */
  | { readonly status: 'unknown-version'; readonly missing: readonly string[] }
  | { readonly status: 'other' };

/**
 * Recognises a workbook by its sheet names and the labels on them. Every mark must be
 * on its sheet. A workbook that has all the template's sheets and one of its labels, or
 * all its labels on some sheet (a sheet renamed), is a version the datamap does not
 * know: it is reported, never read by position.
 *
 * @param sheets - the workbook's sheets (readSheets).
 */
export function recogniseDatamap(datamap: Datamap, sheets: readonly SheetCells[]): Recognition {
  const sheetOf = (name: string): SheetCells | undefined =>
    sheets.find((s) => s.sheet.toLowerCase() === name.toLowerCase());
  const missing: string[] = [];
  for (const sheet of datamap.sheets) {
    if (sheetOf(sheet) === undefined) missing.push(`the sheet ${sheetRef(sheet)}`);
  }
  let onSheet = 0;
  let anywhere = 0;
  for (const mark of datamap.marks) {
    const key = labelKey(mark.label);
    const cells = sheetOf(mark.sheet);
    if (cells !== undefined && holds(cells, key)) onSheet++;
    else if (cells !== undefined)
      missing.push(`the label "${mark.label}" on ${sheetRef(mark.sheet)}`);
    if (sheets.some((s) => holds(s, key))) anywhere++;
  }
  if (missing.length === 0) return { status: 'recognised' };
  const allSheets = datamap.sheets.every((s) => sheetOf(s) !== undefined);
  const allLabels = anywhere === datamap.marks.length;
  return (allSheets && onSheet > 0) || allLabels
    ? { status: 'unknown-version', missing }
    : { status: 'other' };
}

/** A labelled cell's value as text ("" when blank). */
export function labelledText(found: LabelledValue | undefined): string {
  if (found === undefined) return '';
  return typeof found.value === 'string' ? found.value.trim() : String(found.value);
}

function paramValue(value: CellValue): ParamValue {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
    ? value
    : value === null
      ? null
      : String(value);
}

/**
 * The scenario parameters a datamap keeps in labelled cells for one mechanism (the
 * plan checks' minima), with a finding for each label not found or with no value.
 *
 * @param sheets - the workbook's sheets (readSheets).
 */
export function datamapParams(
  datamap: Datamap,
  mechanism: MechanismId,
  sheets: readonly SheetCells[],
): { readonly params: ScenarioParams; readonly findings: readonly Finding[] } {
  const params: Record<string, ParamValue> = {};
  const findings: Finding[] = [];
  for (const [id, cell] of Object.entries(datamap.params[mechanism] ?? {})) {
    const found = findLabelled(sheets, [cell]);
    if (found === undefined) {
      findings.push({
        code: FindingCode.MAPPING_MISMATCH,
        sheet: cell.sheet ?? '',
        message: `The ${datamap.title} datamap reads ${id} beside the label "${cell.label}" on ${sheetRef(cell.sheet ?? '')}, but there is no such label with a value beside or below it.`,
      });
      continue;
    }
    params[id] = paramValue(found.value);
  }
  return { params, findings };
}
