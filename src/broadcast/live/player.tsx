// PLACEHOLDER being built (issue 9): replaced by its owner.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function setupPlayer(_ctx: AppContext, _app: FastifyInstance): Promise<void> {}
