/** The file-type filters of the Browse… dialog and the name endings each one shows. */
export const fileTypes = {
  certificates: ['.crt', '.pem', '.cer', '.der', '.p7b'],
  keys: ['.key', '.pem', '.pk8'],
  all: [],
} as const satisfies Record<string, readonly string[]>;

/** One file-type filter of the Browse… dialog. */
export type FileType = keyof typeof fileTypes;

/** The filter a field's Browse… starts with: keys for the client key, certificates for certificate fields. */
export function fileTypeOf(keyword: string): FileType {
  if (keyword === 'sslkey') return 'keys';
  return ['sslrootcert', 'sslcert'].includes(keyword) ? 'certificates' : 'all';
}

/** Whether a file name passes a filter (case-insensitive: CA.CRT is a certificate). */
export function matchesFileType(name: string, type: FileType): boolean {
  const endings: readonly string[] = fileTypes[type];
  const lower = name.toLowerCase();
  return endings.length === 0 || endings.some((ending) => lower.endsWith(ending));
}

/** The patterns of a filter as the dialog lists them: `*.crt, *.pem` or `*`. */
export function patternsOf(type: FileType): string {
  const endings: readonly string[] = fileTypes[type];
  return endings.length ? endings.map((ending) => `*${ending}`).join(', ') : '*';
}

/** The folder part of a path on the serving machine (slash or backslash), or null at the top. */
export function folderOf(path: string): string | null {
  const folder = path.replace(/[\\/]+$/, '').replace(/[\\/][^\\/]*$/, '');
  if (folder === path) return null;
  return folder === '' ? path.slice(0, 1) : /^[A-Za-z]:$/.test(folder) ? `${folder}\\` : folder;
}

/** The last part of a path on the serving machine: the file's name. */
export function fileNameOf(path: string): string {
  return (
    path
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? path
  );
}
