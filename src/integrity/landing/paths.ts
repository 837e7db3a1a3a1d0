// Where the integrity zone's public pages are, in one place, so the landing page, the privacy
// notice and the tests name the same addresses the routes answer at.
import { reportPath, statusPath } from '../channel/paths.ts';

/** The zone's public addresses in an edition. */
export function integrityPaths(edition: string) {
  const zone = `/${encodeURIComponent(edition)}/integrity`;
  return {
    landing: zone,
    documents: `${zone}/documents`,
    report: reportPath(encodeURIComponent(edition)),
    status: statusPath(encodeURIComponent(edition)),
    survey: `${zone}/survey`,
    surveyResults: `${zone}/survey/results`,
    privacy: `/${encodeURIComponent(edition)}/privacy`,
  } as const;
}
