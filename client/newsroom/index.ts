// The newsroom's script: its pages' enhancements, started once the document is parsed.
import { enhanceArticleForm } from './article-form.ts';
import { enhanceRichEditors } from './editor.ts';
import './menu-order.ts';
import './media-picker.ts';
import './local-time.ts';
import './episode-form.ts';

function start(): void {
  enhanceRichEditors();
  enhanceArticleForm();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
