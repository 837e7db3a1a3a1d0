// The WordPress importer (WXR 1.0–1.2 export files): what the CLI uses.
export { importWxr, type WxrImportOptions } from './import.ts';
export { WxrError } from './parse.ts';
