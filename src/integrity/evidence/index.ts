// Evidence for integrity reports: types read from bytes, images without metadata, sealed files.
export { detectEvidenceType, evidenceType, type EvidenceFormat, type EvidenceType } from './detect.ts';
export { prepareEvidence, cleanFileName, FILES_FIELD, type PreparedEvidence, type Upload } from './prepare.ts';
export {
  storeEvidence,
  openEvidence,
  openEvidenceMeta,
  removeEvidence,
  listEvidenceFiles,
  removeLeftover,
  resealEvidence,
  evidenceDir,
  EVIDENCE_FOLDER,
  type EvidenceMeta,
  type OpenedEvidence,
  type StoredEvidence,
} from './store.ts';
