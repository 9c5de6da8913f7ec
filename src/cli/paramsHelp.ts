/**
 * The params-file help and JSON Schema (`bcf params [M] [--schema]`), read from each
 * mechanism's descriptor: a parameter's type, bounds, unit, default, when it applies and
 * help are stated once there and shown here, in the task pane and on the result sheet.
 */
import type { Mechanism, StructuredParamSpec } from '../workbook/mechanism';
import type { ParamSpec } from '../workbook/params';
import type { ColumnType } from '../workbook/tableSchema';

/** "a whole number from 1 to 25": what a parameter of this type takes. */
export function typeText(type: ColumnType): string {
  switch (type.kind) {
    case 'amount':
      return type.nonNegative === true ? 'an amount of £0 or more' : 'an amount';
    case 'number':
      return type.nonNegative === true ? 'a number of 0 or more' : 'a number';
    case 'fraction':
      return type.signed === true ? 'a percentage from −100% to 100%' : 'a percentage, 0% to 100%';
    case 'integer': {
      const { min, max } = type;
      if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
      if (min !== undefined) return `a whole number of ${min} or more`;
      return max === undefined ? 'a whole number' : `a whole number up to ${max}`;
    }
    case 'text':
      return 'text';
    case 'enum':
      return `one of ${type.options.map((o) => o.value).join(', ')}`;
  }
}

/** One parameter's line: `years: a whole number from 1 to 25 (years); default 1. Number of plan years.` */
export function paramLine(spec: ParamSpec): string {
  const unit = spec.unit === undefined ? '' : ` (${spec.unit})`;
  const fallback = spec.default === undefined ? '' : `; default ${spec.default}`;
  const required = spec.required === true ? '; required' : '';
  const when =
    spec.shownWhen === undefined
      ? ''
      : spec.shownWhen.is === undefined
        ? `; with ${spec.shownWhen.param}`
        : `; when ${spec.shownWhen.param} is ${spec.shownWhen.is.join(' or ')}`;
  return `${spec.id}: ${typeText(spec.type)}${unit}${fallback}${required}${when}. ${spec.help}`;
}

/** A structured parameter's lines: `terms (structured): help` and its example as JSON. */
export function structuredLines(spec: StructuredParamSpec): string[] {
  return [
    `${spec.id} (structured): ${spec.help}`,
    `    e.g. ${JSON.stringify({ [spec.id]: spec.example })}`,
  ];
}

/** The help of each mechanism: its id, title, summary, parameters and structured parameters. */
export function paramsHelp(mechanisms: readonly Mechanism[]): string {
  return mechanisms
    .map((m) =>
      [
        `${m.id}: ${m.title}. ${m.summary}`,
        ...(m.params.length === 0
          ? ['  (no simple parameters)']
          : m.params.map((p) => `  ${paramLine(p)}`)),
        ...(m.structuredParams ?? []).flatMap((p) => structuredLines(p).map((l) => `  ${l}`)),
      ].join('\n'),
    )
    .join('\n\n');
}

type Schema = Readonly<Record<string, unknown>>;

/** One parameter as JSON Schema. Numbers may be given as text ("5%", "£1,000"), as in cells. */
function paramSchema(spec: ParamSpec): Schema {
  const about = {
    title: spec.label,
    description: spec.help,
    ...(spec.default === undefined ? {} : { default: spec.default }),
  };
  const { type } = spec;
  switch (type.kind) {
    case 'enum':
      return { ...about, enum: type.options.map((o) => o.value) };
    case 'text':
      return {
        ...about,
        type: 'string',
        ...(type.maxLength === undefined ? {} : { maxLength: type.maxLength }),
      };
    case 'integer':
      return {
        ...about,
        anyOf: [
          {
            type: 'integer',
            ...(type.min === undefined ? {} : { minimum: type.min }),
            ...(type.max === undefined ? {} : { maximum: type.max }),
          },
          { type: 'string' },
        ],
      };
    default:
      return { ...about, type: ['number', 'string'] };
  }
}

/**
 * The JSON Schema of a keyed params file (`{ "pool": { ... }, ... }`): each mechanism's
 * simple parameters by id, and the structured ones its descriptor describes (the gain
 * share's terms). Other structured parameters (fixedShares, changes, tables given as
 * parameters) are not described, so other properties are allowed.
 */
export function paramsSchema(mechanisms: readonly Mechanism[]): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'bcf run --params',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      mechanisms.map((m) => [
        m.id,
        {
          title: m.title,
          description: m.summary,
          type: 'object',
          properties: Object.fromEntries<Schema>([
            ...m.params.map((p): [string, Schema] => [p.id, paramSchema(p)]),
            ...(m.structuredParams ?? []).map((p): [string, Schema] => [
              p.id,
              { ...p.schema, description: p.help },
            ]),
          ]),
          required: m.params.filter((p) => p.required === true).map((p) => p.id),
        },
      ]),
    ),
  };
}
