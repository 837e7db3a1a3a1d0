// The shape of the privacy notice, apart from its texts (notice-en.ts …) and the choice among them.

/** What the notice states that depends on how this site is run. */
export interface NoticeFacts {
  readonly siteName: string;
  /** Months a closed report is kept (WARTA_INTEGRITY_RETENTION_MONTHS). */
  readonly retentionMonths: number;
  /** Whether the operator switched on client addresses in the request logs. */
  readonly logsAddresses: boolean;
}

/** One part of the notice: a heading and its paragraphs (plain text). */
export interface NoticeSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** The whole notice in one language. */
export interface Notice {
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly NoticeSection[];
  /** The sentence before the link to the integrity zone's contacts. */
  readonly contact: string;
  readonly contactLink: string;
}
