// The retention purge as a job: once a day, closed reports older than
// WARTA_INTEGRITY_RETENTION_MONTHS go with their messages and files. The job's log line says how
// many (never which); the audit log keeps each report's purge by its opaque id.
import type { AppContext } from '../context.ts';
import type { Job } from '../core/jobs/runner.ts';
import { purgeClosedReports } from './reports/index.ts';
import { reportVault } from './vault.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date before which a closed report is due: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** The daily purge job. */
export function retentionJob(ctx: AppContext): Job {
  return {
    name: 'integrity.purge-closed-reports',
    everyMs: DAY_MS,
    run: async (run) => {
      const months = ctx.config.integrityRetentionMonths;
      const purged = await purgeClosedReports(ctx.writer, reportVault(ctx), retentionCutoff(run.now, months));
      return `${purged} closed integrity reports older than ${months} months purged`;
    },
  };
}
