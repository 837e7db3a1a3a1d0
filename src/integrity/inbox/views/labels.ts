// The newsroom's names for a report's kinds and statuses.
import { newsroomText as t } from '../../../newsroom/index.ts';
import type { ReportKind, ReportStatus } from '../../reports/index.ts';

/** A kind's name in the newsroom. */
export function kindLabel(kind: ReportKind): string {
  return t(`inbox.kind.${kind}`);
}

/** A status's name in the newsroom. */
export function statusLabel(status: ReportStatus): string {
  return t(`inbox.status.${status}`);
}
