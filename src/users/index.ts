// People: authors and staff accounts.
export { findAuthorBySlug, findUserByEmail, insertUser, authorPath, type NewUser } from './queries.ts';
export { createUser, hashPassword, UserInputError, ROLES, type CreateUserInput } from './create-user.ts';
export {
  addUser,
  updateAuthor,
  setPassword,
  addStaffMember,
  updateStaffAccess,
  setUserActive,
  AdminRuleError,
} from './commands.ts';
export { AUTHOR_EVENTS } from './events.ts';
export { passwordProblems, verifyPassword, MIN_LENGTH as MIN_PASSWORD_LENGTH } from './passwords.ts';
