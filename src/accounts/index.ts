// Newsroom accounts: sign-in, sessions, the limiter, the newsroom's gate.
export { editionsOfUser, installStaffGuard, sessionCookieName } from './guard.ts';
export { changePassword } from './password-change.ts';
export { signIn, hasStaffAccounts, writerAs } from './sign-in.ts';
export { ACCOUNT_EVENTS } from './events.ts';
