// The privacy notice in English (see notice.ts).
import type { Notice, NoticeFacts } from './notice-types.ts';

export function noticeEn(f: NoticeFacts): Notice {
  return {
    title: 'Privacy notice',
    intro: `This notice says what ${f.siteName} keeps about the people who read it, answer its survey or report to its integrity zone, and what it does not keep. It follows Indonesia’s Personal Data Protection Law (Law No. 27 of 2022, UU PDP).`,
    sections: [
      {
        id: 'reading',
        heading: 'Reading the site',
        paragraphs: [
          'You can read every page without an account. Reader pages set no cookies and load nothing from other companies: no advertising, no analytics, no tracking pixels, no fonts or scripts from elsewhere. A video or post from another site that a story embeds is loaded only when you press its button; from then on, that site’s own privacy policy applies.',
          f.logsAddresses
            ? 'Our operators have switched on the recording of IP addresses in the server logs, for troubleshooting. The pages of the reporting channel are never logged with an address.'
            : 'Our server logs record which page was asked for and how long it took, never your IP address.',
        ],
      },
      {
        id: 'reads',
        heading: 'Read counts',
        paragraphs: [
          'To count how many people read a story, your browser tells us once per story. The count is a number: we store no record of who read what. To count each reader once in 30 minutes, the server keeps a keyed fingerprint of your address and browser in its memory only, for those 30 minutes, and may set a cookie named warta_reader holding a random number, sent only to the counter’s address and kept for a day.',
        ],
      },
      {
        id: 'ratings',
        heading: 'Star ratings',
        paragraphs: [
          'When you rate a story, we set a cookie named warta_voter holding a random number, sent only to that edition’s rating addresses and kept for a year, so that you can change your vote instead of adding another. To stop floods of votes we keep a keyed fingerprint of your address for one hour, then delete it. Without the site’s secret key, the fingerprint cannot be turned back into the address.',
        ],
      },
      {
        id: 'survey',
        heading: 'The satisfaction survey',
        paragraphs: [
          'Survey answers are stored without your name or address. So that each visitor answers once a quarter, the survey sets a signed cookie that is sent only to the survey’s own pages and expires at the end of the quarter. The survey is not part of the reporting channel.',
        ],
      },
      {
        id: 'reports',
        heading: 'Reports to the integrity zone',
        paragraphs: [
          'The reporting channel is built so that nothing we store can trace a report back to you. Its pages set no cookie and are never cached. We do not record your IP address or your browser: not in the database, the logs, error reports or statistics. Our limits against abuse keep a keyed fingerprint of the address in the server’s memory only, for at most an hour.',
          'Your name, e-mail address and phone number are optional. Everything you write, your identity if you give it, and your files are encrypted before they are stored, with a key kept apart from the database. Only integrity officers and administrators can read them, and every time they do is recorded in an audit log.',
          'Photos are re-encoded without their hidden data (location, camera, date). PDF and office documents are stored as they are: they may carry an author’s name or an organisation inside them, so check them before you send them.',
          'You receive a receipt code. We keep only a fingerprint of it, so we cannot show it to you again; with the code alone you can follow your report, read our replies and add to it.',
          `A closed report is deleted with its files ${f.retentionMonths} months after it was closed.`,
        ],
      },
      {
        id: 'staff',
        heading: 'Newsroom staff',
        paragraphs: [
          'Staff who sign in to the newsroom get a session cookie for the newsroom only. To slow down password guessing, failed sign-ins are counted against a keyed fingerprint of the address for a short while. What staff change is recorded in the audit log under their name.',
        ],
      },
      {
        id: 'rights',
        heading: 'Your rights',
        paragraphs: [
          'Under the UU PDP you may ask to see, correct or delete the personal data we hold about you, and withdraw your consent. For the cookies above, deleting them in your browser is enough. For a report, the receipt code is the only key: with it you can read your report and add to it; without it we cannot tell which report is yours, by design.',
        ],
      },
    ],
    contact: 'Questions about this notice go to the contacts of our integrity zone:',
    contactLink: 'Zona Integritas',
  };
}
