/** The documentation sites the app may open in the user's browser; nothing else leaves the window. */
export const allowedExternalOrigins = [
  'https://www.alibabacloud.com',
  'https://help.aliyun.com',
  'https://www.postgresql.org',
  'https://www.pgadmin.org',
] as const;

/** Whether a URL may be handed to shell.openExternal: https, on an allow-listed documentation origin, no credentials. */
export function isAllowedExternalUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return (allowedExternalOrigins as readonly string[]).includes(url.origin);
}
