/**
 * The drift guard: each fake class is checked at compile time against the real class in
 * @types/office-js. `FaithfulTo<Excel.Range, MemoryRange>` compiles only if every public
 * member of the fake exists on the real type with a type assignable to the real one, so
 * the fake cannot grow members Excel does not have, nor give a member a shape Excel does
 * not give it. (Symbol-keyed members are the fake's own machinery and are not public API.)
 */

/** The public, string-named members of a class type. */
export type Members<T> = Exclude<keyof T, symbol>;

/** Fake, if it is faithful to Real; a compile error naming the member otherwise. */
export type FaithfulTo<
  Real,
  Fake extends Pick<Real, Members<Fake> & keyof Real> &
    Record<Exclude<Members<Fake>, keyof Real>, never>,
> = Fake;
