import { describe, expect, it } from 'vitest';
import { fileNameOf, fileTypeOf, folderOf, matchesFileType, patternsOf } from '../../../renderer/dialog/file-types';

// Issue 14: Browse… filters certificates (.crt .pem .cer .der .p7b), keys (.key .pem .pk8) or shows all files.
describe('the Browse… dialog’s file types', () => {
  it('starts each field with its own filter', () => {
    expect(fileTypeOf('sslrootcert')).toBe('certificates');
    expect(fileTypeOf('sslcert')).toBe('certificates');
    expect(fileTypeOf('sslkey')).toBe('keys');
    expect(fileTypeOf('sslcrl')).toBe('all');
  });

  it('matches name endings, whatever their case', () => {
    for (const name of ['ca.crt', 'CA.PEM', 'chain.cer', 'root.der', 'bundle.p7b'])
      expect(matchesFileType(name, 'certificates'), name).toBe(true);
    for (const name of ['client.key', 'client.pem', 'client.pk8'])
      expect(matchesFileType(name, 'keys'), name).toBe(true);
    expect(matchesFileType('client.key', 'certificates')).toBe(false);
    expect(matchesFileType('ca.crt', 'keys')).toBe(false);
    expect(matchesFileType('notes.txt', 'all')).toBe(true);
    expect(patternsOf('keys')).toBe('*.key, *.pem, *.pk8');
    expect(patternsOf('all')).toBe('*');
  });

  it('splits a path on the serving machine into folder and name (POSIX and Windows)', () => {
    expect(folderOf('/etc/ssl/ca.crt')).toBe('/etc/ssl');
    expect(folderOf('/ca.crt')).toBe('/');
    expect(folderOf('ca.crt')).toBe(null);
    expect(folderOf('C:\\certs\\ca.crt')).toBe('C:\\certs');
    expect(folderOf('C:\\ca.crt')).toBe('C:\\');
    expect(fileNameOf('/etc/ssl/ca.crt')).toBe('ca.crt');
    expect(fileNameOf('C:\\certs\\root.pem')).toBe('root.pem');
  });
});
