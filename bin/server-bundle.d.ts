/** The URL of an up-to-date server bundle of `entry` (built into node_modules/.cache/warta/ when needed). */
export function serverBundle(root: string, entry: string): Promise<string>;
