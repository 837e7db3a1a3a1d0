// The facts the accounts domain records: ids only (the audit log shows them with who and when;
// a failed sign-in for an unknown account has no user id, and no address is ever recorded).
declare module '../core/events/types.ts' {
  interface DomainEvents {
    'staff.signed_in': { readonly userId: number };
    'staff.sign_in_failed': { readonly userId: number | null };
    'staff.signed_out': { readonly userId: number };
    /** A password set through an e-mailed reset link (every session of the user ended). */
    'staff.password_reset': { readonly userId: number };
    'staff.two_factor_enabled': { readonly userId: number };
    'staff.two_factor_disabled': { readonly userId: number };
    'staff.recovery_codes_regenerated': { readonly userId: number };
  }
}

/** Every accounts event. */
export const ACCOUNT_EVENTS = [
  'staff.signed_in',
  'staff.sign_in_failed',
  'staff.signed_out',
  'staff.password_reset',
  'staff.two_factor_enabled',
  'staff.two_factor_disabled',
  'staff.recovery_codes_regenerated',
] as const;
