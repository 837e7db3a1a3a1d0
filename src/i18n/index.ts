// Interface language: translators, catalogs and locale-aware formats for each edition.
export { catalogCodes, catalogOf, createTranslator, hasCatalog, type Translate, type MessageKey } from './translate.ts';
export { formatsFor, isoInZone, type Formats } from './format.ts';
export { instantOfWall, instantOfWallTime, offsetMs } from './wall-time.ts';
export { en as englishCatalog } from './catalogs/en.ts';
