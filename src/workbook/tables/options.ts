import type { EnumOption } from '../cells';

/**
 * The drop-down lists of the input tables (BCF planning template wording), each value
 * with the other spellings accepted for it.
 */

/** Who commissions a scheme: the NHS (CCG, now ICB), the local authority, or both. */
export const COMMISSIONERS: readonly EnumOption[] = [
  { value: 'NHS', aliases: ['CCG', 'ICB', 'NHS commissioner'] },
  { value: 'LA', aliases: ['Local authority', 'Council'] },
  { value: 'Joint', aliases: ['Joint commissioner', 'Joint commissioning'] },
];

/** Sources of BCF funding. */
export const FUNDING_SOURCES: readonly EnumOption[] = [
  {
    value: 'Minimum NHS Contribution',
    aliases: ['NHS minimum', 'Minimum NHS', 'Minimum CCG Contribution', 'Minimum ICB Contribution'],
  },
  { value: 'Additional NHS Contribution', aliases: ['Additional NHS'] },
  { value: 'iBCF', aliases: ['Improved Better Care Fund', 'Improved BCF'] },
  { value: 'DFG', aliases: ['Disabled Facilities Grant'] },
  {
    value: 'Additional LA Contribution',
    aliases: ['Additional LA', 'Additional local authority contribution'],
  },
  { value: 'Winter Pressures Grant' },
  { value: 'Local Authority Discharge Funding', aliases: ['LA Discharge Funding'] },
  { value: 'ICB Discharge Funding' },
  { value: 'Other' },
];

/** Scheme types of the BCF planning template. */
export const SCHEME_TYPES: readonly EnumOption[] = [
  'Assistive Technologies and Equipment',
  'Care Act Implementation Related Duties',
  'Carers Services',
  'Community Based Schemes',
  'DFG Related Schemes',
  'Enablers for Integration',
  'High Impact Change Model for Managing Transfer of Care',
  'Home Care or Domiciliary Care',
  'Housing Related Schemes',
  'Integrated Care Planning and Navigation',
  'Intermediate Care Services',
  'Personalised Budgeting and Commissioning',
  'Personalised Care at Home',
  'Prevention / Early Intervention',
  'Residential Placements',
  'Other',
].map((value) => ({ value }));

/** Areas of spend (the plan checks read Social Care and the out-of-hospital areas). */
export const AREAS_OF_SPEND: readonly EnumOption[] = [
  { value: 'Social Care', aliases: ['Adult social care', 'ASC'] },
  { value: 'Community Health', aliases: ['Community health services'] },
  { value: 'Mental Health' },
  { value: 'Continuing Care', aliases: ['Continuing healthcare', 'CHC'] },
  { value: 'Primary Care' },
  { value: 'Acute', aliases: ['Acute care', 'Hospital'] },
  { value: 'Other' },
];

/** Contract models (context for a gain/loss share: who the parties are, who holds by default). */
export const CONTRACT_MODELS: readonly EnumOption[] = [
  { value: 'Prime contractor', aliases: ['Prime contract'] },
  { value: 'Prime provider' },
  { value: 'Alliance', aliases: ['Alliance contract'] },
  { value: 'Integrated pathway hub', aliases: ['IPH'] },
  { value: 'Dynamic purchasing system', aliases: ['DPS'] },
  { value: 'Federation' },
  { value: 'Single contractor', aliases: ['Single provider'] },
  { value: 'Personal budgets', aliases: ['Personal budget'] },
];

/** Whether a band applies to a gain (underspend), a loss (overspend) or both. */
export const GAIN_OR_LOSS: readonly EnumOption[] = [
  { value: 'Gain', aliases: ['Gains', 'Underspend', 'Saving'] },
  { value: 'Loss', aliases: ['Losses', 'Overspend'] },
  { value: 'Both', aliases: ['Gain and loss', 'Gains and losses', 'Either'] },
];

/** Which way is better for a metric. */
export const DIRECTIONS: readonly EnumOption[] = [
  { value: 'higher', aliases: ['Higher is better', 'Up', 'Increase'] },
  { value: 'lower', aliases: ['Lower is better', 'Down', 'Decrease', 'Reduce'] },
];

/** How a metric is scored (pay for performance). */
export const SCORINGS: readonly EnumOption[] = [
  { value: 'linear', aliases: ['Linear', 'Proportional', 'Sliding scale'] },
  { value: 'threshold', aliases: ['Threshold', 'Pass/fail', 'Met or not'] },
];

/** The values of a list, for a drop-down. */
export function optionValues(options: readonly EnumOption[]): string[] {
  return options.map((o) => o.value);
}
