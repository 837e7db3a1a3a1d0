// The episode form's enhancements, started once the document is parsed: the audio upload with
// its progress (audio-upload.ts) and "Find an article" for the linked articles (article-picker.ts).
import { enhanceArticlePicker } from './article-picker.ts';
import { enhanceAudioUpload } from './audio-upload.ts';

function start(): void {
  enhanceArticlePicker();
  enhanceAudioUpload();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
