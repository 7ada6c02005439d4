import { z } from 'zod';
import { type RegistryErrorCode, registryErrorCodes } from '../server-schema';
import { channel, emptyRequest, emptyValue } from './channel';
import { serverForm } from './server-form';

/** Every expected failure of the server registry channels: the registry's own codes. */
export const serverErrorCodes = registryErrorCodes;

/** One expected failure of the server registry channels. */
export type ServerErrorCode = RegistryErrorCode;

/** A saved server as the tree shows it; secrets never cross, only whether one is saved. */
export const serverSummary = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  background: z.string(),
  foreground: z.string(),
  host: z.string(),
  port: z.union([z.number(), z.string()]),
  username: z.string(),
  maintenanceDatabase: z.string(),
  /** pgAdmin's Service (a pg_service.conf section), when the server names one. */
  service: z.string().optional(),
  sslmode: z.string(),
  passwordSaved: z.boolean(),
});

/** A saved server as the tree shows it. */
export type ServerSummary = z.infer<typeof serverSummary>;

/** A saved server's form for the Properties dialog (password always empty) and whether a password is saved. */
export const serverDetails = z.object({ summary: serverSummary, form: serverForm });

const byId = z.object({ id: z.string().min(1) }).strict();

const groupName = z.string().min(1).max(200);

/** The formats "Copy as" offers for a saved server: a libpq conninfo or a pgJDBC URL (never with a password). */
export const exportFormats = ['conninfo', 'jdbc'] as const;

/** The group channels: Register > Server Group…, rename, delete (its servers move to "Servers"). */
export const groupChannels = {
  'servers:group-create': channel(
    z.object({ name: groupName }).strict(),
    z.object({ group: z.string() }),
    serverErrorCodes,
  ),
  'servers:group-rename': channel(
    z.object({ from: groupName, to: groupName }).strict(),
    z.object({ group: z.string() }),
    serverErrorCodes,
  ),
  'servers:group-delete': channel(
    z.object({ name: groupName }).strict(),
    z.object({ group: z.string(), moved: z.number().int().nonnegative() }),
    serverErrorCodes,
  ),
  'servers:export': channel(
    z.object({ id: z.string().min(1), format: z.enum(exportFormats) }).strict(),
    z.object({ text: z.string(), notes: z.array(z.string()) }),
    serverErrorCodes,
  ),
} as const;

/** The registry channels: list, read, create, update, delete, forget the saved password, restore servers.json. */
export const serverChannels = {
  'servers:list': channel(
    emptyRequest,
    z.object({ groups: z.array(z.string()), servers: z.array(serverSummary) }),
    serverErrorCodes,
  ),
  'servers:get': channel(byId, serverDetails, serverErrorCodes),
  'servers:create': channel(z.object({ form: serverForm }).strict(), serverSummary, serverErrorCodes),
  'servers:update': channel(
    z.object({ id: z.string().min(1), form: serverForm }).strict(),
    serverSummary,
    serverErrorCodes,
  ),
  'servers:delete': channel(byId, emptyValue, serverErrorCodes),
  'servers:clear-password': channel(byId, serverSummary, serverErrorCodes),
  'servers:restore': channel(emptyRequest, z.object({ path: z.string(), savedAt: z.number() }), serverErrorCodes),
  ...groupChannels,
} as const;
