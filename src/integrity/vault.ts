// The reporting channel's key ring and file folder, made once per app: the key comes from
// WARTA_INTEGRITY_KEY or the key file under the data directory (created on first start), so the
// first request that needs it does not pay for reading it, and a bad key stops the start.
import type { AppContext } from '../context.ts';
import type { ReportVault } from './reports/index.ts';
import { loadKeyRing } from './sealing/key-ring.ts';

const vaults = new WeakMap<AppContext, ReportVault>();

/** The vault of this app's reports (the same object for every caller). */
export function reportVault(ctx: AppContext): ReportVault {
  let vault = vaults.get(ctx);
  if (!vault) {
    vault = { ring: loadKeyRing(ctx.config.integrityKey, ctx.config.dataDir), dataDir: ctx.config.dataDir };
    vaults.set(ctx, vault);
  }
  return vault;
}
