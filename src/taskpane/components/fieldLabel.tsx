import type { ReactNode } from 'react';
import { InfoLabel, type LabelProps } from '@fluentui/react-components';

/**
 * A Field's label, with an InfoLabel (an "i" button opening a short definition) when the
 * field names a piece of jargon: the gate, a cap, the tolerance, capitation, section 75.
 * The control's accessible name stays the label's text.
 */
export function fieldLabel(
  label: string,
  info: string | undefined,
): string | { children: (_: unknown, props: LabelProps) => ReactNode } {
  if (info === undefined) return label;
  return {
    children: (_: unknown, props: LabelProps) => (
      <InfoLabel {...props} info={info}>
        {label}
      </InfoLabel>
    ),
  };
}

/** A fieldset's legend with the same InfoLabel (a legend is not a Field's label). */
export function LegendInfo(props: { readonly label: string; readonly info?: string }): ReactNode {
  return props.info === undefined ? (
    props.label
  ) : (
    <InfoLabel info={props.info}>{props.label}</InfoLabel>
  );
}
