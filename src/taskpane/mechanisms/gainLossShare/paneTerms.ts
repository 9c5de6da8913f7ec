/**
 * The gain/loss terms set in the pane's editor, given to the workbook layer as the gain
 * share's `terms` parameter: the contract's bands, quality multipliers and caps shaped
 * like the engine's terms, with decimal strings (src/workbook/mechanisms/gainLossShare/
 * gainLossShareTerms.ts). The layer takes them instead of the RiskShareBands and
 * RiskShareTerms tables, the engine checks them, and they are saved with the run as they
 * are, so the workbook remembers them and a repeat, in the pane or from `bcf run`, uses
 * them. Nothing is written to the user's tables.
 */
import type { ParamJson } from '../../../workbook/params';
import type { BandTerms, GainLossParams } from '../../operations';

type Editor = NonNullable<GainLossParams['editor']>;

/** A `terms` record as JSON (what the layer's parameters hold). */
export type TermsJson = { readonly [key: string]: ParamJson };

/** Bands as the engine has them: every band but the last ends at `upToFraction` or `upToAmount`. */
function bandsOf(bands: readonly BandTerms[], limits: Editor['bandLimits']): TermsJson[] {
  return bands.map((band) => ({
    ...(band.upTo === undefined
      ? {}
      : { [limits === 'fraction' ? 'upToFraction' : 'upToAmount']: band.upTo }),
    shares: { ...band.shares },
  }));
}

/** Caps in pounds by party: `{ "Circle": { "amount": "1000000" } }`. */
function capsOf(amounts: Readonly<Record<string, string>>): TermsJson {
  return Object.fromEntries(Object.entries(amounts).map(([party, amount]) => [party, { amount }]));
}

/**
 * The editor's terms as the layer's `terms` parameter: gain bands, loss bands unless
 * losses are shared like gains, quality multipliers when scored, caps when any is set.
 */
export function paneTerms(editor: Editor): TermsJson {
  const { caps } = editor;
  const capped =
    caps !== undefined && Object.keys(caps.gain).length + Object.keys(caps.loss).length > 0;
  return {
    gainBands: bandsOf(editor.gainBands, editor.bandLimits),
    ...(editor.lossBands === undefined
      ? {}
      : { lossBands: bandsOf(editor.lossBands, editor.bandLimits) }),
    ...(editor.quality === undefined ? {} : { quality: { ...editor.quality } }),
    ...(capped ? { caps: { gain: capsOf(caps.gain), loss: capsOf(caps.loss) } } : {}),
  };
}
