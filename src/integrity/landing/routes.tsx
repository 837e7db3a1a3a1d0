// The integrity zone's landing page and the privacy notice.
import type { DomainRoutes } from '../../context.ts';

/** Mounted by src/integrity/domain.ts. */
export const landingRoutes: DomainRoutes = async () => {};
