// The channel's addresses: English path segments in every edition. The receipt code is never in
// one of them; it travels only in POST bodies.

/** The report form. */
export const reportPath = (edition: string) => `/${edition}/integrity/report`;
/** The code lookup (GET: the form; POST: the report the code opens). */
export const statusPath = (edition: string) => `/${edition}/integrity/report/status`;
/** A reporter's follow-up message (POST, the code in the body). */
export const messagePath = (edition: string) => `/${edition}/integrity/report/message`;
