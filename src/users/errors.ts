// The error for people's input that cannot be saved.

/** Thrown for input that cannot become a user; lists every problem. */
export class UserInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'UserInputError';
  }
}
