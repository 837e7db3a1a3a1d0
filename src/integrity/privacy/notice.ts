// The privacy notice's text, per language. It describes what the code does, so it is written
// from facts the running site knows (the retention setting, whether the operator logs client
// addresses) rather than typed into a page an editor could let drift from the truth. When the
// code changes what it keeps, this text changes in the same commit.
import { noticeAr } from './notice-ar.ts';
import { noticeEn } from './notice-en.ts';
import { noticeId } from './notice-id.ts';
import type { Notice, NoticeFacts } from './notice-types.ts';

export type { Notice, NoticeFacts, NoticeSection } from './notice-types.ts';

const NOTICES: Readonly<Record<string, (facts: NoticeFacts) => Notice>> = { en: noticeEn, id: noticeId, ar: noticeAr };

/**
 * The notice in a language, and the language it is really in: an edition whose language has no
 * notice yet gets the English one (marked as English on the page).
 */
export function noticeFor(language: string, facts: NoticeFacts): { notice: Notice; language: string } {
  const write = NOTICES[language];
  return write ? { notice: write(facts), language } : { notice: noticeEn(facts), language: 'en' };
}
