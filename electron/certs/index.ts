// The certificate toolkit's public API: everything other parts of the app call lives behind this file.
export {
  buildCaPackage,
  buildCaPackageZip,
  type CaPackageFiles,
  caPackageBaseName,
  pemCertificatesToDer,
} from './ca-package';
export { defaultJksPassword, type JksCertificateInput, type JksEntry, readJks, writeJks } from './jks';
export { encodePem, encodePemBundle, parsePemBlocks } from './pem';
export { readPkcs7, writePkcs7Der, writePkcs7Pem } from './pkcs7';
export { defaultZipLimits, readZip, writeZip, type ZipLimits, type ZipMember } from './zip';
