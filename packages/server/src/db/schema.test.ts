import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASES } from '../../test/harness';
import { type Database, openDatabase } from './client';
import { MIGRATIONS } from './migrations';
import * as schema from './schema';

/**
 * What a database holds, read from the catalogue the same way on both sides: columns with type,
 * nullability and default; every index with its definition (primary keys and unique constraints
 * included, by name); foreign keys and checks by definition.
 */
const INTROSPECT = `
select 'column' as kind, table_name::text as tbl,
       column_name || ' ' || data_type || ' ' || is_nullable || ' default ' || coalesce(column_default, '-') as def
  from information_schema.columns where table_schema = 'public' and table_name <> 'schema_migrations'
union all
select 'index', tablename::text, indexdef
  from pg_indexes where schemaname = 'public' and tablename <> 'schema_migrations'
union all
select 'constraint', conrelid::regclass::text, pg_get_constraintdef(oid)
  from pg_constraint
 where connamespace = 'public'::regnamespace and contype in ('f', 'c')
   and conrelid::regclass::text <> 'schema_migrations'
order by 1, 2, 3`;

/** The SQL drizzle-kit generates to create `schema.ts` from nothing. */
async function schemaSql(): Promise<string[]> {
  const empty = generateDrizzleJson({});
  return generateMigration(empty, generateDrizzleJson(schema, empty.id));
}

async function fresh(kind: 'pglite' | 'postgres') {
  const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const database = await openDatabase({ url: pg?.url, snapshot: false });
  return {
    database,
    async close() {
      await database.close();
      await pg?.drop();
    },
  };
}

async function describeDb(database: Database): Promise<string[]> {
  const rows = await database.query<{ kind: string; tbl: string; def: string }>(INTROSPECT);
  return rows.map((r) => `${r.kind} ${r.tbl}: ${r.def}`);
}

describe.each(DATABASES)('db/schema.ts and the migrations (%s)', (kind) => {
  let migrated: Awaited<ReturnType<typeof fresh>>;
  let generated: Awaited<ReturnType<typeof fresh>>;

  beforeAll(async () => {
    migrated = await fresh(kind);
    generated = await fresh(kind);
  });
  afterAll(async () => {
    await migrated?.close();
    await generated?.close();
  });

  it('describe the same database: tables, columns, types, nullability, defaults, indexes, constraints', async () => {
    await migrated.database.migrate();
    for (const statement of await schemaSql()) await generated.database.query(statement);
    const fromMigrations = await describeDb(migrated.database);
    const fromSchema = await describeDb(generated.database);
    expect(fromMigrations.length).toBeGreaterThan(50);
    // Each side's extras, so a failure names what to add where.
    expect({
      onlyInMigrations: fromMigrations.filter((line) => !fromSchema.includes(line)),
      onlyInSchemaTs: fromSchema.filter((line) => !fromMigrations.includes(line)),
    }).toEqual({ onlyInMigrations: [], onlyInSchemaTs: [] });
  });

  it('has migrations with unique ids in order', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
