// The integrity officers' inbox in the newsroom.
import type { DomainRoutes } from '../../context.ts';

/** Mounted by src/integrity/domain.ts. */
export const inboxRoutes: DomainRoutes = async () => {};
