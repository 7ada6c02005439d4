import { type MessageKey, useT } from '../i18n';

/** A message key of the cloud panel: its own cloud.* keys (renderer/cloud/messages.ts) and the console's rds.* labels. */
export type CloudKey = MessageKey;

/** `t` for the cloud panel (the app's catalogs include the cloud panel's messages); re-renders on a language change. */
export function useCloudT(): (key: CloudKey, params?: Record<string, string | number>) => string {
  return useT();
}
