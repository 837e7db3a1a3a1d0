// The newsroom's survey page: the questionnaire's elements and the periods.
import type { DomainRoutes } from '../../context.ts';

/** Mounted by src/integrity/domain.ts. */
export const surveyNewsroomRoutes: DomainRoutes = async () => {};
