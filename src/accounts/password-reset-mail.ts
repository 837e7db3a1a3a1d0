// The password reset e-mail (English for now): plain text, the link on a line of its own.
import type { MailMessage } from '../core/mail.ts';

/** The message that carries a reset link to `to`. */
export function passwordResetMail(input: {
  to: string;
  siteName: string;
  link: string;
  validMinutes: number;
}): MailMessage {
  return {
    to: input.to,
    subject: `Reset your ${input.siteName} newsroom password`,
    text: [
      `Someone, hopefully you, asked to reset the password of the ${input.siteName} newsroom account for ${input.to}.`,
      '',
      `To choose a new password, open this link within ${input.validMinutes} minutes:`,
      '',
      input.link,
      '',
      'The link works once. Setting a new password signs the account out everywhere.',
      'If you did not ask for this, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  };
}
