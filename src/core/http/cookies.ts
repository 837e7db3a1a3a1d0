// Names of the cookies Warta sets. Reader pages themselves never set one (CDN-cacheable);
// only the endpoints that need to know a reader do.

/** Signed, HttpOnly: a random id that makes one vote per reader per article. */
export const VOTER_COOKIE = 'warta_voter';
/** Signed, HttpOnly: a random id that lets a reload by the same reader count once. */
export const READER_COOKIE = 'warta_reader';
/** Set by the newsroom sign-in (a later issue): its presence marks staff previews, which never count as reads. */
export const STAFF_COOKIE = 'warta_staff';
