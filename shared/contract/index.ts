import { certificateChannels } from './certificates';
import { certChannels } from './certs';
import type { ApiOf, ChannelResult } from './channel';
import type { channelNameList } from './channel-names';
import { connectionChannels } from './connection';
import { fileChannels } from './files';
import { queryChannels } from './query';
import { rdsChannels } from './rds';
import { rdsConnectChannels } from './rds-connect-channels';
import { serverChannels } from './servers';
import { settingsChannels } from './settings';
import { tunnelChannels } from './tunnel';
import { vaultChannels } from './vault';

/** The whole contract between the renderer and the main process (or server mode): channel name → schemas. */
export const contract = {
  ...vaultChannels,
  ...serverChannels,
  ...connectionChannels,
  ...certChannels,
  ...fileChannels,
  ...queryChannels,
  ...certificateChannels,
  ...rdsChannels,
  ...rdsConnectChannels,
  ...settingsChannels,
  ...tunnelChannels,
} as const;

/** The contract's type. */
export type Contract = typeof contract;

/** A channel name, `domain:verb`. */
export type ChannelName = keyof Contract;

/** Every channel name, in a fixed order. */
export const channelNames = Object.keys(contract) as ChannelName[];

type ListedNames = (typeof channelNameList)[number];
/** Fails to compile when channel-names.ts and the contract disagree. */
export const channelNamesAgree: [ChannelName, ListedNames] extends [ListedNames, ChannelName] ? true : false = true;

/** The one API object the renderer gets: window.rdspg in Electron, the HTTP client in server mode. */
export type RdspgApi = ApiOf<Contract>;

/** Commands the native menu sends to the renderer. */
export const menuCommands = ['register-server', 'register-group', 'lock', 'change-master-password'] as const;

/** One command of the native menu. */
export type MenuCommand = (typeof menuCommands)[number];

/** The main-to-renderer event channel for native menu commands. */
export const menuChannel = 'menu:command';

/** The renderer-side bridge: the API plus the menu subscription (a no-op in server mode). */
export interface RdspgBridge {
  api: RdspgApi;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Whether a channel name is part of the contract. */
export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

export type { ChannelResult };
