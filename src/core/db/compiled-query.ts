// Queries a page runs on every request, built and compiled by Kysely once per database and then
// run with each call's values: building and compiling cost more CPU than running the prepared
// statement (statement-cache.ts), and their SQL text never changes, only the parameters.
import type { CompiledQuery, Compilable, Kysely, Simplify } from 'kysely';

/**
 * A value as the driver binds it, on both engines: text, a number, bytes or null. Never a Date
 * (pass toDbTime(date)) nor a boolean (flags are 0/1): what the caller passes is what is bound.
 */
export type DbValue = string | number | bigint | Uint8Array | null;

/** Named arguments: each a value, a list of values, or absent (undefined). */
export type QueryArgs<A> = { readonly [K in keyof A]: DbValue | readonly DbValue[] | undefined };

/** A query built once per database and shape, run with new arguments on each call. */
export interface ReusableQuery<DB, A, O> {
  /** Every row. */
  execute(db: Kysely<DB>, args: A): Promise<O[]>;
  /** The first row, if any. */
  executeTakeFirst(db: Kysely<DB>, args: A): Promise<O | undefined>;
}

/** Shapes kept per query and database; past that a shape is built on each call as usual. */
export const MAX_SHAPES = 64;

/**
 * Wraps a Kysely query so it is built and compiled once per database (and shape), then executed
 * with each call's arguments in place of the first build's parameters. "Database" is the Kysely
 * instance (held weakly): a transaction or a withPlugin() copy compiles its own.
 *
 * `build` gets stand-ins for the argument values, which Kysely places among the compiled query's
 * parameters without looking at them; each parameter position they land in is filled with the
 * call's value. So `build` may give arguments to Kysely (`where(col, '=', args.id)`, `limit`,
 * `in` lists) and nothing else: the SQL may depend only on which arguments are present and on
 * the lengths of list arguments (each combination is a shape, compiled once), never on a value.
 * The first compile of a shape refuses, with an error, a `build` that
 * - computes with an argument (a sum, a template string, a comparison: the stand-in throws),
 * - leaves an argument out of the parameters (it would be ignored, or baked into the SQL text),
 * - builds different SQL or constant parameters when run twice (it reads a clock or other state).
 * An argument may fill several positions (each gets its value): every stand-in is a distinct
 * object, so the positions it holds are known exactly.
 *
 * Plugins: transformQuery runs when a shape is compiled, and again on each execution to observe
 * it (its result is not used, as the shape is fixed); the query id is the same on every
 * execution of a shape, so state a plugin keeps per query id carries over; transformResult runs
 * as usual.
 */
export function reusable<DB, A extends QueryArgs<A>, O>(
  build: (db: Kysely<DB>, args: A) => Compilable<O>,
): ReusableQuery<DB, A, Simplify<O>> {
  const shapesByDb = new WeakMap<Kysely<DB>, Map<string, Shape>>();

  async function execute(db: Kysely<DB>, args: A): Promise<Simplify<O>[]> {
    let shapes = shapesByDb.get(db);
    if (!shapes) {
      shapes = new Map();
      shapesByDb.set(db, shapes);
    }
    const key = shapeKey(args);
    let shape = shapes.get(key);
    if (!shape) {
      if (shapes.size >= MAX_SHAPES) return (await db.executeQuery(build(db, args))).rows as Simplify<O>[];
      shape = compileShape(db, args, build as (db: Kysely<DB>, args: A) => Compilable<unknown>);
      shapes.set(key, shape);
    }
    const executor = db.getExecutor();
    if (executor.plugins.length > 0) executor.transformQuery(shape.compiled.query, shape.compiled.queryId);
    // Spelled out: `{ ...compiled, parameters }` takes microseconds on Node 20 (see eslint.config.js).
    const { query, queryId, sql } = shape.compiled;
    const result = await db.executeQuery<Simplify<O>>({ query, queryId, sql, parameters: bind(shape, args) });
    return result.rows;
  }

  return {
    execute,
    executeTakeFirst: async (db, args) => (await execute(db, args))[0],
  };
}

/** A compiled shape and where each argument goes among its parameters. */
interface Shape {
  readonly compiled: CompiledQuery;
  /** Parameters that are part of the query (`'published'`, a limit written in the query). */
  readonly constants: readonly unknown[];
  readonly slots: readonly Slot[];
}

/** One parameter position an argument fills (`index` for an item of a list argument). */
interface Slot {
  readonly position: number;
  readonly name: string;
  readonly index: number | undefined;
}

/** What the SQL may depend on: which arguments are present, and how long the lists are. */
function shapeKey(args: object): string {
  let key = '';
  for (const name of Object.keys(args).sort()) {
    const value = (args as Record<string, unknown>)[name];
    if (value === undefined) continue;
    key += Array.isArray(value) ? `${name}[${value.length}] ` : `${name} `;
  }
  return key;
}

/** Stands in for an argument while a query is built; reading it as a value is an error. */
class Placeholder {
  constructor(
    readonly name: string,
    readonly index: number | undefined,
  ) {}

  get label(): string {
    return this.index === undefined ? this.name : `${this.name}[${this.index}]`;
  }

  [Symbol.toPrimitive](): never {
    throw new ShapeError(`argument "${this.label}" was used as a value while building; only Kysely may receive it`);
  }

  /** Readable in Kysely's own error messages, which JSON.stringify what they were given. */
  toJSON(): string {
    return `<argument ${this.label}>`;
  }
}

/** A query whose SQL could depend on an argument's value, caught at its first compile. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** Builds a shape twice with distinct stand-ins, checks the two agree, and maps the arguments. */
function compileShape<DB>(db: Kysely<DB>, args: object, build: (db: Kysely<DB>, args: never) => Compilable<unknown>) {
  const first = standIns(args);
  const second = standIns(args);
  const compiled = build(db, first.args as never).compile();
  const again = build(db, second.args as never).compile();
  if (compiled.sql !== again.sql) {
    throw new ShapeError(
      `the query's SQL changed between two builds: it depends on more than its arguments\n${compiled.sql}`,
    );
  }
  const constants: unknown[] = [];
  const slots: Slot[] = [];
  const found = new Set<Placeholder>();
  compiled.parameters.forEach((value, position) => {
    const twin = again.parameters[position];
    if (value instanceof Placeholder) {
      if (!(twin instanceof Placeholder) || twin.label !== value.label) {
        throw new ShapeError(`argument "${value.label}" moved between two builds of the same shape`);
      }
      found.add(value);
      slots.push({ position, name: value.name, index: value.index });
      constants.push(undefined);
    } else {
      if (!isSameConstant(value, twin)) {
        throw new ShapeError(
          `parameter ${position + 1} changed between two builds: it depends on more than the arguments`,
        );
      }
      constants.push(value);
    }
  });
  const missing = first.all.filter((p) => !found.has(p)).map((p) => p.label);
  if (missing.length > 0) {
    throw new ShapeError(
      `argument ${missing.map((m) => `"${m}"`).join(', ')} is not among the query's parameters: ` +
        `its value would be ignored or shape the SQL\n${compiled.sql}`,
    );
  }
  return { compiled, constants, slots } satisfies Shape;
}

/** The arguments with each value (or list item) replaced by a stand-in; absent ones stay absent. */
function standIns(args: object): { args: Record<string, unknown>; all: Placeholder[] } {
  const all: Placeholder[] = [];
  const make = (name: string, index?: number) => {
    const placeholder = new Placeholder(name, index);
    all.push(placeholder);
    return placeholder;
  };
  const replaced: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    replaced[name] = Array.isArray(value) ? value.map((_, i) => make(name, i)) : make(name);
  }
  return { args: replaced, all };
}

function isSameConstant(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && a !== null && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** The parameters of one call: the shape's constants with the call's values in their places. */
function bind(shape: Shape, args: object): unknown[] {
  const parameters = shape.constants.slice();
  const values = args as Record<string, unknown>;
  for (const slot of shape.slots) {
    const given = values[slot.name];
    const value = slot.index === undefined ? given : (given as readonly unknown[])[slot.index];
    parameters[slot.position] = checked(slot, value);
  }
  return parameters;
}

/** Types guard this already; a Date slipping through would bind differently on each engine. */
function checked(slot: Slot, value: unknown): unknown {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'bigint' || value === null || value instanceof Uint8Array) {
    return value;
  }
  const label = slot.index === undefined ? slot.name : `${slot.name}[${slot.index}]`;
  const what = value instanceof Date ? 'a Date (pass toDbTime(date))' : `a ${type}`;
  throw new TypeError(`argument "${label}" is ${what}: pass the value as the database receives it`);
}
