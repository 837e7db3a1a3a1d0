// PLACEHOLDER being built (issue 9): replaced by its owner.
import type { DomainRoutes } from '../../context.ts';

export const picksNewsroomRoutes: DomainRoutes = async () => {};
