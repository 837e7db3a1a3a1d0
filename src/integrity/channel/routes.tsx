// The public reporting channel: the report form, the receipt and the status page by code.
import type { DomainRoutes } from '../../context.ts';

/** Mounted by src/integrity/domain.ts. */
export const channelRoutes: DomainRoutes = async () => {};
