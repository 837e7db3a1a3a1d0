// `warta serve`: migrate, seed on first start, listen, and shut down cleanly on a signal.
import type { Config } from '../core/config.ts';
import { buildApp } from '../app.ts';
import { openMigrated, prepareDatabase } from './database.ts';

/** Starts the web server; resolves once it listens. */
export async function serve(config: Config): Promise<void> {
  const db = await openMigrated(config);
  const prepared = await prepareDatabase(db, config);
  const app = await buildApp(config, db.kysely);
  if (prepared.isFirstStart) {
    app.log.info(
      { demoArticles: prepared.demoArticles },
      prepared.demoArticles ? 'first start: demo site created' : 'first start: empty site created',
    );
  }
  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop taking requests and let those in flight finish before the database closes.
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Warta is serving ${config.baseUrl} (listening on ${config.host}:${config.port}, ${db.engine})`);
}
