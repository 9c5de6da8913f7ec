import type {
  EnvelopeChangeInput,
  EnvelopePhasing,
} from '../../../engine/fundingEnvelope/fundingEnvelope';
import type { Finding } from '../../findings';
import { readParams, type ParamRecord, type ParamSpec, PLAN_YEARS_LIMIT } from '../../params';

/**
 * The `changes` parameter of a funding envelope: a list of annual changes, each a record
 * like `{ "name": "Net budget reduction", "totalOverYears": "-7%", "overYears": 4 }`,
 * read field by field like cells (so "-3%" and -0.03 are the same).
 */
export const CHANGE_FIELDS: readonly ParamSpec[] = [
  {
    id: 'name',
    label: 'name',
    type: { kind: 'text' },
    help: 'A label for the explanation.',
    pane: {
      label: 'Name',
      hint: 'What the change is called on the result sheet, e.g. Net budget reduction.',
      needed: true,
    },
  },
  {
    id: 'partner',
    label: 'partner',
    type: { kind: 'text' },
    help: 'Only this partner’s lines.',
    pane: { label: 'Applies to', names: 'party', none: 'All partners' },
  },
  {
    id: 'category',
    label: 'category',
    type: { kind: 'text' },
    help: 'Only this category’s lines.',
    pane: { ask: false },
  },
  {
    id: 'annualRate',
    label: 'annualRate',
    type: { kind: 'fraction', signed: true },
    help: 'A yearly change, compounding.',
  },
  {
    id: 'totalOverYears',
    label: 'totalOverYears',
    type: { kind: 'fraction', signed: true },
    help: 'A total change reached over overYears.',
  },
  {
    id: 'overYears',
    label: 'overYears',
    type: { kind: 'integer', min: 1, max: PLAN_YEARS_LIMIT },
    unit: 'years',
    shownWhen: { param: 'totalOverYears' },
    help: 'Years the change runs.',
    pane: { label: 'Over years', start: 4 },
  },
  {
    id: 'fromYear',
    label: 'fromYear',
    type: { kind: 'integer', min: 1 },
    help: 'First plan year it applies in.',
    pane: { ask: false },
  },
  {
    id: 'phasing',
    label: 'phasing',
    type: {
      kind: 'enum',
      options: [
        { value: 'compound', label: 'Compound' },
        { value: 'straightLine', label: 'Straight line' },
      ],
    },
    shownWhen: { param: 'totalOverYears' },
    help: 'compound or straightLine.',
    pane: { label: 'Phasing', start: 'compound' },
  },
];

/** Reads the changes; each bad field is a finding naming the change by its number and field. */
export function readChanges(
  list: readonly ParamRecord[] | undefined,
  findings: Finding[],
): EnvelopeChangeInput[] {
  return (list ?? []).map((record, i) => {
    const specs = CHANGE_FIELDS.map((f) => ({ ...f, label: `Change ${i + 1} ${f.label}` }));
    const read = readParams(specs, record);
    findings.push(...read.findings);
    const v = read.values;
    const pick = <K extends keyof EnvelopeChangeInput>(key: K) =>
      v[key] === undefined ? {} : ({ [key]: v[key] } as Pick<EnvelopeChangeInput, K>);
    return {
      ...pick('name'),
      ...pick('partner'),
      ...pick('category'),
      ...pick('annualRate'),
      ...pick('totalOverYears'),
      ...pick('overYears'),
      ...pick('fromYear'),
      ...(v.phasing === undefined ? {} : { phasing: v.phasing as EnvelopePhasing }),
    };
  });
}
