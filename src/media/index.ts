// Media: stored images, their URLs and how pages draw them, and the newsroom's upload pipeline.
export { storeImage, mediaDir, mediaStorage, IMAGE_WIDTHS, UPLOAD_FORMATS, type ImageMeta } from './store.ts';
export {
  ingestImage,
  updateMediaText,
  deleteMedia,
  MediaInUseError,
  type IngestImageOptions,
  type MediaText,
} from './commands.ts';
export { findUsages, type MediaUsage, type MediaUsages } from './usages.ts';
export { MAX_UPLOAD_BYTES, MAX_IMAGE_PIXELS, type UploadFormat } from './probe.ts';
export { MEDIA_EVENTS } from './events.ts';
export { localMediaStorage, type MediaStorage } from './storage.ts';
export { toImage, imageUrl, largestWidth, hasFormat, type Image, type ImageFormat } from './image.ts';
export { Picture } from './picture.tsx';
export { loadSiteLogo } from './site-logo.ts';
export { findBodyImages, safeBodyImages, BODY_IMAGE_SIZES, type BodyImages } from './body-images.ts';
export { MediaPickerField } from './newsroom/picker-field.tsx';
