// Health checks for load balancers and orchestrators. /healthz: the process answers (restart it
// if not). /readyz: it can serve: the database answers and has every migration this code knows
// (send it traffic only then). While the app shuts down Fastify answers 503 to both, so a
// balancer stops sending work before the process goes. Never cached, by anyone.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { listPendingMigrations } from '../core/db/migrate.ts';

/** A database that does not answer within this is as good as down for a reader. */
const DATABASE_TIMEOUT_MS = 2000;

/** What /readyz says, as JSON. */
export interface Readiness {
  status: 'ready' | 'not_ready';
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  /** How many migrations this code has that the database has not run. */
  pendingMigrations?: number;
}

/** Asks the database a trivial question and compares its migrations with this code's. */
export async function checkReadiness(db: Kysely<Database>): Promise<Readiness> {
  try {
    await withTimeout(sql`select 1`.execute(db), DATABASE_TIMEOUT_MS);
  } catch {
    return { status: 'not_ready', database: 'unreachable', migrations: 'unknown' };
  }
  try {
    const pending = await withTimeout(listPendingMigrations(db), DATABASE_TIMEOUT_MS);
    if (pending.length > 0)
      return { status: 'not_ready', database: 'ok', migrations: 'pending', pendingMigrations: pending.length };
  } catch {
    // No bookkeeping table: this database was never migrated.
    return { status: 'not_ready', database: 'ok', migrations: 'unknown' };
  }
  return { status: 'ready', database: 'ok', migrations: 'current' };
}

/** GET /healthz and GET /readyz. */
export function healthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  // Probes come every few seconds from every balancer: their lines would drown the readers'.
  const quiet = { config: { logRequests: false } };
  app.get('/healthz', quiet, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', quiet, async (_request, reply) => {
    const readiness = await checkReadiness(db);
    return reply
      .code(readiness.status === 'ready' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(readiness);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
