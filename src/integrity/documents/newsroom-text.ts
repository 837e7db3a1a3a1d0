// The newsroom's words for the document library (English, as the newsroom is). Kept beside the
// pages until they move into the newsroom's catalog (src/newsroom/messages.ts).
import { CATEGORIES, type Category } from './model.ts';
import { MAX_SIZE_TEXT } from './upload-form.ts';

/** Category names in the newsroom. */
export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  regulations: 'Decrees and regulations',
  reports: 'Reports',
  'service-standards': 'Service standards',
  'zone-evidence': 'Integrity zone evidence (WBK/WBBM)',
  other: 'Other documents',
};

/** A stored category's name ("other" for one this version no longer knows). */
export function categoryLabel(category: string): string {
  return (CATEGORIES as readonly string[]).includes(category) ? CATEGORY_NAMES[category as Category] : category;
}

export const text = {
  listTitle: (edition: string) => `Integrity documents: ${edition}`,
  intro:
    'Decrees, reports, service standards and the evidence of the integrity zone, published in the library of the edition. Readers download them as they are.',
  upload: 'Upload a document',
  none: 'No documents in this edition yet.',
  title: 'Title',
  description: 'Description',
  descriptionHint: 'A sentence or two on what the document is, for readers deciding whether to download it.',
  category: 'Category',
  chooseCategory: 'Choose a category',
  year: 'Year',
  yearHint: 'The year the document belongs to (of the decree, of the report), four digits.',
  file: 'File',
  fileHint: `PDF, Word, Excel or PowerPoint (DOCX, XLSX, PPTX, DOC, XLS, PPT) or OpenDocument (ODT, ODS, ODP), up to ${MAX_SIZE_TEXT}. The type is read from the file itself, not its name; files with macros or a password are refused. Office files may carry the author's name and organisation inside them: check the file's properties before you upload it.`,
  replaceFile: 'Replace the file',
  replaceHint: 'Leave empty to keep the current file.',
  currentFile: (name: string, meta: string) => `Current file: ${name} (${meta})`,
  state: 'State',
  published: 'Published',
  draft: 'Draft',
  isPublished: 'Published: readers see it in the library',
  newTitle: (edition: string) => `Upload an integrity document: ${edition}`,
  editTitle: (title: string) => `Edit: ${title}`,
  create: 'Upload',
  save: 'Save',
  download: 'Download from the site',
  delete: 'Delete this document',
  deleteTitle: (title: string) => `Delete “${title}”?`,
  deleteWarning: 'The document and its file are deleted for good; links to its download stop working.',
  deleteConfirm: 'Delete the document',
  deleteCancel: 'Keep it',
  noFile: 'Choose the file to upload.',
  done: {
    created: 'The document is uploaded.',
    saved: 'The document is saved.',
    deleted: 'The document is deleted.',
  },
} as const;
