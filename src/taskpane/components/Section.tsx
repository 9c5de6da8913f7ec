import type { ReactNode, Ref } from 'react';
import { usePaneStyles } from './styles';

/** A titled part of the pane; screen-reader users move between sections by heading. */
export function Section(props: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
  /** Focus target after an action lands here (the heading takes focus). */
  readonly headingRef?: Ref<HTMLHeadingElement>;
}): ReactNode {
  const styles = usePaneStyles();
  const headingId = `${props.id}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId} id={props.id}>
      <h2 className={styles.heading} id={headingId} ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
