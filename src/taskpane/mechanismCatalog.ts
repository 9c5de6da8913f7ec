/** How the pane names and describes each mechanism. */
import type { MechanismId } from './operations';

export interface MechanismEntry {
  readonly title: string;
  /** One sentence for the picker: what it calculates. */
  readonly summary: string;
}

export const MECHANISM_CATALOG: Readonly<Record<MechanismId, MechanismEntry>> = {
  pooledFund: {
    title: 'Pooled fund (section 75)',
    summary: 'Each partner’s share of the pool and of any over- or underspend.',
  },
  capitation: {
    title: 'Capitation',
    summary: 'A budget per person in the population, projected year by year.',
  },
  gainLossShare: {
    title: 'Gain/loss share',
    summary: 'How the difference between expected and actual spend is shared among the parties.',
  },
  payForPerformance: {
    title: 'Pay for performance',
    summary: 'How much of the at-risk contract value performance on weighted metrics earns.',
  },
  bcfPaymentForPerformance: {
    title: 'BCF payment for performance',
    summary: 'Funding released each quarter for reducing emergency admissions.',
  },
  activityPayment: {
    title: 'Activity payment',
    summary: 'Payment for activity under a block, marginal, blended, aligned or corridor rule.',
  },
  fundingEnvelope: {
    title: 'Funding envelope',
    summary: 'The envelope per year after savings and growth, and the gap to planned spend.',
  },
  planChecks: {
    title: 'BCF plan checks',
    summary: 'The sign-off checks of a completed BCF plan.',
  },
};
