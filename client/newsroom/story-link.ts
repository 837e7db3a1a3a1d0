// Links and pasted HTML: a link keeps only its address (http(s), mailto:, tel: or a site path),
// written as the sanitiser writes it; pasted HTML loses its inline styles before it is read.
import { Link } from '@tiptap/extension-link';
import { isLinkAddress } from './story-dialogs.ts';

/**
 * Links keep only their address. Links to other sites are written with rel="noopener
 * noreferrer", as the sanitiser writes them, so the editor's HTML is stored as it is.
 */
export const StoryLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') } };
  },
  renderHTML({ HTMLAttributes }) {
    const href = String(HTMLAttributes.href ?? '');
    if (!isAllowedHref(href)) return ['a', { href: '' }, 0];
    return ['a', /^https?:\/\//i.test(href) ? { href, rel: 'noopener noreferrer' } : { href }, 0];
  },
});

/**
 * Whether a link target may stay: http(s), mailto: and tel: addresses, and addresses without
 * a scheme (a site path, or what autolinking then writes as https://). Never another scheme,
 * nor a protocol-relative address.
 */
export const isAllowedHref = (href: string) =>
  /^[a-z][\w+.-]*:/i.test(href) ? isLinkAddress(href) : !href.startsWith('//') && !/\s/.test(href);

/** An opening tag: its name, then attributes with quoted or bare values (which may hold ">"). */
const OPENING_TAG = /<[a-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * Pasted HTML (from a word processor, say) without style elements or attributes. ProseMirror
 * reads the clipboard through an inert document, and the browser still reports each inline
 * style there as a CSP violation; none would be kept anyway. The string is edited rather than
 * parsed because any parse reports them: attributes are read one by one, so a quoted value
 * that merely contains `style=` is left alone.
 */
export function withoutStyles(html: string): string {
  if (!/style/i.test(html)) return html;
  return html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, '').replace(OPENING_TAG, (tag) => {
    const name = /^<[^\s/>]+/.exec(tag)?.[0] ?? '';
    const rest = tag
      .slice(name.length)
      .replace(ATTRIBUTE, (whole, _space, attribute: string) => (attribute.toLowerCase() === 'style' ? '' : whole));
    return name + rest;
  });
}
