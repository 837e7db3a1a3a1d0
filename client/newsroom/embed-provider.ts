// Which provider a post's address belongs to, for the embed dialog: the server's own check
// (src/core/text/embeds.ts, bundled in), so the editor accepts exactly what the sanitiser keeps.
import { canonicalUrl, findEmbed, type EmbedProviderId } from '../../src/core/text/embeds.ts';

/** The providers a story may embed. */
export type EmbedProvider = EmbedProviderId;

const PROVIDERS: readonly EmbedProvider[] = ['youtube', 'x', 'instagram', 'facebook'];

/** A post's provider and its address as stored (as a browser writes it), or null for any other address. */
export function detectEmbed(address: string): { provider: EmbedProvider; url: string } | null {
  const url = canonicalUrl(address.trim());
  if (!url) return null;
  const provider = PROVIDERS.find((id) => findEmbed(id, url));
  return provider ? { provider, url } : null;
}

/** Whether a stored figure's provider and address make an embed the server keeps. */
export const isStoredEmbed = (provider: string, url: string): boolean => !!findEmbed(provider, url);
