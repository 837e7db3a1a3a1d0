// The public satisfaction survey (Survei Kepuasan Masyarakat): the form and the results.
import type { DomainRoutes } from '../../context.ts';

/** Mounted by src/integrity/domain.ts. */
export const surveyRoutes: DomainRoutes = async () => {};
