// The accounts domain as the app mounts it: the newsroom's sign-in pages, and jobs that sweep
// ended sessions and forgotten limiter keys.
import type { Domain } from '../context.ts';
import { sweepLimits } from './limiter.ts';
import { accountRoutes } from './routes.tsx';
import { passwordResetRoutes } from './password-reset.tsx';
import { sweepPasswordResets } from './password-reset-tokens.ts';
import { sweepSessions } from './sessions.ts';
import { registerSection } from '../newsroom/index.ts';
import { watchTwoFactorRoles } from './two-factor-policy.ts';
import { twoFactorAccountSection, twoFactorRoutes } from './two-factor-routes.tsx';
import { securitySettingsRoutes } from './two-factor-settings.tsx';
import { PEOPLE_PATH, peopleRoutes } from './people.tsx';

/** Sign-in, sessions, the user's own account. */
export const accountsDomain: Domain = {
  name: 'accounts',
  setup(ctx) {
    watchTwoFactorRoles(ctx);
    registerSection(PEOPLE_PATH);
    ctx.jobs.add({
      name: 'accounts.sweep',
      everyMs: 15 * 60_000,
      run: async () => {
        const sessions = await sweepSessions(ctx.db, ctx.now());
        await sweepLimits(ctx.db, ctx.now());
        await sweepPasswordResets(ctx.db, ctx.now());
        return `${sessions} ended sessions deleted`;
      },
    });
  },
  newsroomRoutes: async (app, opts) => {
    await app.register(accountRoutes([twoFactorAccountSection]), opts);
    await app.register(twoFactorRoutes, opts);
    await app.register(passwordResetRoutes, opts);
    await app.register(securitySettingsRoutes, opts);
    await app.register(peopleRoutes, opts);
  },
};
