// Media: stored images, their URLs and how pages draw them.
export { storeImage, mediaDir, mediaStorage, IMAGE_WIDTHS, type ImageMeta } from './store.ts';
export { localMediaStorage, type MediaStorage } from './storage.ts';
export { toImage, imageUrl, largestWidth, type Image } from './image.ts';
export { Picture } from './picture.tsx';
