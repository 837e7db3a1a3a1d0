// `warta serve`: migrate, seed on first start (saying so as it goes), listen, and shut down cleanly
// on a signal. The last start-up line is the address to open, for whoever just typed `npm start`.
import type { Config } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { buildApp } from '../app.ts';
import { openMigrated, prepareDatabase } from './database.ts';

/** Starts the web server; resolves once it listens. */
export async function serve(config: Config): Promise<void> {
  const log = createLogger(config);
  const db = await openMigrated(config);
  const prepared = await prepareDatabase(db, config, (message) => log.info(message));
  if (prepared.demoArticles) log.info({ demoArticles: prepared.demoArticles }, 'first start: demo site created');
  else if (prepared.isFirstStart) log.info('first start: empty site created');
  // The app logs through its own logger from here on; let these lines out first, in order.
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  const app = await buildApp(config, db.kysely, { listen: db.listen });
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
  const listening = await app.listen({ port: config.port, host: config.host });
  app.log.info({ engine: db.engine }, `Warta is ready: open ${addressToOpen(config.baseUrl, listening)}`);
}

/** The base URL to open; with PORT=0 (any free port) the port bound replaces the 0 it names. */
function addressToOpen(baseUrl: string, listening: string): string {
  const url = new URL(`${baseUrl}/`);
  if (url.port === '0') url.port = new URL(listening).port;
  return url.href;
}
