// Media: stored images, their URLs and how pages draw them.
export { storeImage, mediaDir, IMAGE_WIDTHS, type ImageMeta } from './store.ts';
export { toImage, imageUrl, largestWidth, type Image } from './image.ts';
export { Picture } from './picture.tsx';
