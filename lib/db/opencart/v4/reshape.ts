import type { MySqlColumnBuilderBase } from 'drizzle-orm/mysql-core';

type Columns = Record<string, MySqlColumnBuilderBase>;
type Flatten<T> = { [K in keyof T]: T[K] };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** How a 4.0 table differs from its 3.0 columns: columns it lacks, columns it declares otherwise, columns it adds. */
export type ColumnChanges<B extends Columns, D extends keyof B, C, A> = {
  drop?: readonly D[];
  /** Same column, another type, nullability or default; kept in its place. */
  change?: C;
  /** New columns, each group placed after the named 3.0 column, as OpenCart 4 places them. */
  addAfter?: A;
  /** A column 4.0 kept but placed elsewhere: the column it now follows. */
  move?: { [K in keyof B]?: keyof B };
};

export type Reshaped<B extends Columns, D extends keyof B, C, A> = Flatten<
  Omit<B, D | keyof C> & C & UnionToIntersection<NonNullable<A[keyof A]>>
>;

/**
 * OpenCart 4.0's columns of a table built from 3.0's (v3/*Columns), so that what both versions share is
 * declared once and only the differences are written here. Column order follows OpenCart 4's own.
 */
export function reshape<
  B extends Columns,
  D extends keyof B = never,
  C extends { [K in keyof B]?: MySqlColumnBuilderBase } = Record<never, never>,
  A extends { [K in keyof B]?: Columns } = Record<never, never>,
>(base: B, changes: ColumnChanges<B, D, C, A>): Reshaped<B, D, C, A> {
  const drop: readonly PropertyKey[] = changes.drop ?? [];
  const change: Partial<Record<string, MySqlColumnBuilderBase>> = changes.change ?? {};
  const addAfter: Partial<Record<string, Columns>> = changes.addAfter ?? {};
  const move: Partial<Record<string, PropertyKey>> = changes.move ?? {};
  const out: Columns = {};
  const place = (key: string, builder: MySqlColumnBuilderBase) => {
    if (!drop.includes(key)) out[key] = change[key] ?? builder;
    Object.assign(out, addAfter[key]);
    for (const [moved, after] of Object.entries(move)) if (after === key) place(moved, base[moved]!);
  };
  for (const [key, builder] of Object.entries(base)) if (move[key] === undefined) place(key, builder);
  return out as Reshaped<B, D, C, A>;
}
