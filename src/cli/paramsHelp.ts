/**
 * The params-file help and JSON Schema (`bcf params [M] [--schema]`), read from each
 * mechanism's descriptor: a parameter's type, bounds, unit, default, when it applies and
 * help are stated once there and shown here, in the task pane and on the result sheet.
 */
import type { Mechanism } from '../workbook/mechanism';
import type { ParamSpec, StructuredParamSpec } from '../workbook/params';
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

/** "; when rule is fixed" / "; with toleranceBand": when a parameter applies. */
function whenText(shownWhen: ParamSpec['shownWhen']): string {
  if (shownWhen === undefined) return '';
  return shownWhen.is === undefined
    ? `; with ${shownWhen.param}`
    : `; when ${shownWhen.param} is ${shownWhen.is.join(' or ')}`;
}

/** One parameter's line: `years: a whole number from 1 to 25 (years); default 1. Number of plan years.` */
export function paramLine(spec: ParamSpec): string {
  const unit = spec.unit === undefined ? '' : ` (${spec.unit})`;
  const fallback = spec.default === undefined ? '' : `; default ${spec.default}`;
  const required = spec.required === true ? '; required' : '';
  const when = whenText(spec.shownWhen);
  return `${spec.id}: ${typeText(spec.type)}${unit}${fallback}${required}${when}. ${spec.help}`;
}

/**
 * A structured parameter's lines: `fixedShares: a record by partner of a percentage, 0%
 * to 100% (every partner, adding up to 100%); ...`, a list's line and one indented line
 * per field, or a JSON parameter's help and example.
 */
export function structuredLines(spec: StructuredParamSpec): string[] {
  if (spec.kind === 'byName') {
    const total = spec.total100 === true ? ' (every partner, adding up to 100%)' : '';
    const when = whenText(spec.shownWhen);
    return [
      `${spec.id}: a record by partner of ${typeText(spec.value)}${total}${when}. ${spec.help}`,
    ];
  }
  if (spec.kind === 'json') {
    return [
      `${spec.id} (structured): ${spec.help}`,
      `    e.g. ${JSON.stringify({ [spec.id]: spec.example })}`,
    ];
  }
  return [
    `${spec.id}: a list, each with these fields. ${spec.help}`,
    ...spec.fields.map((f) => `  ${paramLine(f)}`),
  ];
}

/** The help of each mechanism: its id, title, summary, parameters and structured parameters. */
export function paramsHelp(mechanisms: readonly Mechanism[]): string {
  return mechanisms
    .map((m) =>
      [
        `${m.id}: ${m.title}. ${m.summary}`,
        ...(m.params.length === 0 && (m.structured ?? []).length === 0
          ? ['  (no simple parameters)']
          : m.params.map((p) => `  ${paramLine(p)}`)),
        ...(m.structured ?? []).flatMap(structuredLines).map((line) => `  ${line}`),
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

/** A structured parameter as JSON Schema: an object by partner, or an array of records. */
function structuredSchema(spec: StructuredParamSpec): Schema {
  const about = { title: spec.label, description: spec.help };
  if (spec.kind === 'json') return { ...spec.schema, description: spec.help };
  if (spec.kind === 'byName') {
    // Each partner's value, read as the parameter's type.
    const value = paramSchema({
      id: spec.id,
      label: spec.label,
      type: spec.value,
      help: spec.help,
    });
    return { ...about, type: 'object', additionalProperties: value };
  }
  return {
    ...about,
    type: 'array',
    items: {
      type: 'object',
      properties: Object.fromEntries(spec.fields.map((f) => [f.id, paramSchema(f)])),
    },
  };
}

/**
 * The JSON Schema of a keyed params file (`{ "pool": { ... }, ... }`): each mechanism's
 * simple and structured parameters by id. Parameters no descriptor describes (tables
 * given as parameters) are not refused, so other properties are allowed.
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
          properties: Object.fromEntries([
            ...m.params.map((p): [string, Schema] => [p.id, paramSchema(p)]),
            ...(m.structured ?? []).map((p): [string, Schema] => [p.id, structuredSchema(p)]),
          ]),
          required: m.params.filter((p) => p.required === true).map((p) => p.id),
        },
      ]),
    ),
  };
}
