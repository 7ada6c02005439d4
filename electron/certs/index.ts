// The certificate toolkit's public API: everything other parts of the app call lives behind this file.
export {
  buildCaPackage,
  buildCaPackageZip,
  type CaPackageFiles,
  caPackageBaseName,
  jksEntriesFor,
  pemCertificatesToDer,
} from './ca-package';
export { type ChainFacts, describeChain, uniqueCertificates } from './chain';
export { type CertCheck, certificateWarnings, checkClientCertificate, checkRootCertificate } from './checks';
export { type Conversion, convertFile, encodeCertificates } from './convert';
export { describeCertificate, expiryStateOf } from './facts';
export { maxInputBytes, readInputFile } from './input-file';
export {
  checkClientCertificateFiles,
  checkRootCertificateFile,
  type Inspection,
  type InspectOptions,
  inspectBytes,
  inspectFile,
  readCertificateFile,
} from './inspect';
export { defaultJksPassword, type JksCertificateInput, type JksEntry, readJks, writeJks } from './jks';
export { encodePem, encodePemBundle, parsePemBlocks } from './pem';
export { readPkcs7, writePkcs7Der, writePkcs7Pem } from './pkcs7';
export { loadPrivateKey, toPkcs8Der } from './private-key';
export { type ReadCertificate, type ReadOptions, type ReadOutcome, readCertificates } from './read';
export {
  CertificateStore,
  type CertificateStorePorts,
  certificateStoreFolder,
  type StoreAddition,
  type StoreEntry,
} from './store';
export { defaultZipLimits, readZip, writeZip, type ZipLimits, type ZipMember } from './zip';
