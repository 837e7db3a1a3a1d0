// Roles, statuses and text direction become plain text that the app checks (zod in the commands),
// so a new status is a code change, not a table rebuild on SQLite. And on SQLite, deleting an
// article now drops its search row, as the foreign key already does on PostgreSQL.
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../src/core/db/dialect.ts';

/** The CHECK constraints 0001 created, by table and column. */
const CHECKS = [
  { table: 'editions', column: 'direction', values: ['ltr', 'rtl'] },
  { table: 'users', column: 'role', values: ['admin', 'editor', 'author', 'contributor', 'integrity_officer'] },
  { table: 'articles', column: 'status', values: ['draft', 'review', 'published', 'archived'] },
  { table: 'pages', column: 'status', values: ['draft', 'published'] },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    for (const { table, column } of CHECKS) {
      for (const name of await checkNames(db, table, column)) {
        await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db);
      }
    }
    return;
  }
  await assertForeignKeysOff(db);
  for (const { table, column } of CHECKS) await rebuildTable(db, table, (def) => withoutCheck(def, table, column));
  // An FTS5 table can have no foreign key; this trigger is its ON DELETE CASCADE, so a delete
  // that bypasses the indexer cannot leave a stale search row (rowid = article id).
  await sql`create trigger articles_search_delete after delete on articles
    begin delete from article_search where rowid = old.id; end`.execute(db);
  // Rows that deletes before this migration left behind.
  await sql`delete from article_search where rowid not in (select id from articles)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    for (const { table, column, values } of CHECKS) {
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_check`)}
        check (${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))}))`.execute(db);
    }
    return;
  }
  await assertForeignKeysOff(db);
  await sql`drop trigger articles_search_delete`.execute(db);
  for (const { table, column, values } of CHECKS) {
    const check = `check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;
    await rebuildTable(db, table, (def) => withCheck(def, table, column, check));
  }
}

/** PostgreSQL names the constraints itself (`articles_status_check`); the catalogue knows them. */
async function checkNames(db: Kysely<any>, table: string, column: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.conname as name
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and c.conkey = array[a.attnum]
    where c.contype = 'c' and n.nspname = current_schema() and t.relname = ${table} and a.attname = ${column}`.execute(
    db,
  );
  return rows.map((r) => r.name);
}

/** Dropping a parent table with foreign keys on deletes its children's rows first (cascades). */
async function assertForeignKeysOff(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  if (rows[0]?.foreign_keys !== 0)
    throw new Error('rebuilding tables needs foreign keys off: run it with migrateToLatest');
}

/**
 * SQLite's way to change a constraint: create the changed table under another name, copy the
 * rows, drop the old one, rename, then recreate its indexes and triggers. migrateToLatest runs
 * this in a transaction with foreign keys off and checks every reference afterwards.
 */
async function rebuildTable(db: Kysely<any>, table: string, change: (definition: string) => string): Promise<void> {
  const temporary = `${table}_rebuilt`;
  const definition = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`
    .execute(db)
    .then((r) => r.rows[0]?.sql);
  if (!definition) throw new Error(`no table ${table}`);
  const companions = await sql<{ sql: string }>`select sql from sqlite_master
    where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(db);
  // AUTOINCREMENT's high-water mark: ids of deleted rows must stay unused (URLs carry them).
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  const list = sql.join(columns.rows.map((c) => sql.id(c.name)));

  await sql.raw(renameCreated(change(definition), table, temporary)).execute(db);
  await sql`insert into ${sql.table(temporary)} (${list}) select ${list} from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  // Until the rename, views and triggers elsewhere that name the table point at nothing; the
  // modern RENAME re-parses the whole schema and stops on them, the legacy one only renames.
  await sql`pragma legacy_alter_table = on`.execute(db);
  try {
    await sql`alter table ${sql.table(temporary)} rename to ${sql.table(table)}`.execute(db);
  } finally {
    await sql`pragma legacy_alter_table = off`.execute(db);
  }
  for (const c of companions.rows) await sql.raw(c.sql).execute(db);
  const seq = sequence.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`delete from sqlite_sequence where name = ${table}`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) values (${table}, ${seq})`.execute(db);
  }
}

/** `CREATE TABLE "articles" (` becomes `CREATE TABLE "articles_rebuilt" (`. */
function renameCreated(definition: string, table: string, temporary: string): string {
  const head = new RegExp(`^CREATE TABLE\\s+("?)${table}\\1\\s*\\(`, 'i');
  if (!head.test(definition)) throw new Error(`unexpected definition of ${table}: ${definition.slice(0, 60)}`);
  return definition.replace(head, `CREATE TABLE "${temporary}" (`);
}

/** The definition without the CHECK on one column. */
function withoutCheck(definition: string, table: string, column: string): string {
  return editColumn(definition, table, column, (part) => {
    const masked = maskQuoted(part);
    const found = /\s+check\s*\(/i.exec(masked);
    if (!found) throw new Error(`${table}.${column} has no CHECK constraint`);
    const close = closingParen(masked, found.index + found[0].length - 1);
    return part.slice(0, found.index) + part.slice(close + 1);
  });
}

/** The definition with a CHECK added to one column. */
function withCheck(definition: string, table: string, column: string, check: string): string {
  return editColumn(definition, table, column, (part) => `${part.trimEnd()} ${check}`);
}

/** Applies `edit` to one column's definition in a CREATE TABLE statement. */
function editColumn(definition: string, table: string, column: string, edit: (part: string) => string): string {
  const masked = maskQuoted(definition);
  const open = masked.indexOf('(');
  const close = closingParen(masked, open);
  // Column definitions and table constraints are separated by commas outside any parentheses.
  const parts: Array<[number, number]> = [];
  let start = open + 1;
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')') depth--;
    else if (masked[i] === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, close]);
  const name = new RegExp(`^\\s*("?)${column}\\1\\s`);
  const target = parts.filter(([from, to]) => name.test(definition.slice(from, to)));
  if (target.length !== 1) throw new Error(`cannot find column ${table}.${column}`);
  const [from, to] = target[0]!;
  return definition.slice(0, from) + edit(definition.slice(from, to)) + definition.slice(to);
}

/** The text with quoted strings and names blanked (same length), so brackets and commas in them do not count. */
function maskQuoted(text: string): string {
  return text.replace(
    /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]/g,
    (m) => `${m[0]}${' '.repeat(m.length - 2)}${m.at(-1)}`,
  );
}

/** The index of the parenthesis that closes the one at `open`. */
function closingParen(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced parentheses in a table definition');
}
