import { z } from 'zod';
import { registryErrorCodes } from '../server-schema';
import { channel } from './channel';
import { instanceRequest, rdsChannelErrorCodes, startedJob } from './rds';
import {
  databaseAccount,
  databaseAccountTypes,
  doctorCheck,
  sslEnforcementPlan,
  whitelistChangeResult,
  whitelistGroup,
} from './rds-connect';
import { serverForm } from './server-form';

const whitelistRequest = instanceRequest
  .extend({ action: z.enum(['add', 'remove']), address: z.string().min(1).max(64) })
  .strict();
const enforceRequest = instanceRequest.extend({ enforce: z.boolean() }).strict();
const accountName = z.string().min(1, 'Enter the account name.').max(63);
const password = z.string().min(1, 'Enter the password.').max(128);
const codes = rdsChannelErrorCodes;

/**
 * The "from zero to connected" channels of the cloud panel: whitelist, public endpoint, accounts, enforced SSL, doctor.
 * The public endpoint and enforced SSL start a job and answer at once, as `rds:flow-start` does (`rds:flow-status`).
 */
export const rdsConnectChannels = {
  'rds:whitelist': channel(instanceRequest, z.object({ groups: z.array(whitelistGroup) }), codes),
  'rds:whitelist-plan': channel(whitelistRequest, whitelistChangeResult, codes),
  'rds:whitelist-change': channel(whitelistRequest, whitelistChangeResult, codes),
  'rds:public-endpoint-allocate': channel(
    instanceRequest
      .extend({
        prefix: z
          .string()
          .regex(
            /^[a-z][a-z0-9-]{7,63}$/,
            'A prefix is 8 to 64 lowercase letters, digits or hyphens, starting with a letter.',
          ),
        port: z.number().int().min(1000, 'The port is from 1000 to 5999.').max(5999, 'The port is from 1000 to 5999.'),
      })
      .strict(),
    startedJob,
    codes,
  ),
  'rds:public-endpoint-release': channel(instanceRequest, startedJob, codes),
  'rds:database-accounts': channel(instanceRequest, z.object({ accounts: z.array(databaseAccount) }), codes),
  'rds:database-account-create': channel(
    instanceRequest.extend({ name: accountName, type: z.enum(databaseAccountTypes), password }).strict(),
    z.object({ name: z.string(), passwordSaved: z.boolean() }),
    codes,
  ),
  'rds:database-account-reset': channel(
    instanceRequest.extend({ name: accountName, password }).strict(),
    z.object({ name: z.string(), passwordSaved: z.boolean() }),
    codes,
  ),
  'rds:ssl-enforcement-plan': channel(enforceRequest, sslEnforcementPlan, codes),
  'rds:ssl-enforce': channel(enforceRequest, startedJob, codes),
  'rds:doctor': channel(
    instanceRequest
      .extend({
        host: z.string().max(253).optional(),
        user: z.string().max(63).optional(),
        address: z.string().max(64).optional(),
        /** A server's settings (the flow's registered one, or Register > Server…'s form): checked as with --server. */
        form: serverForm.optional(),
        /** A saved server: checked as saved (`rdspg rds doctor --server NAME`), or its secrets fill the form's. */
        serverId: z.string().optional(),
      })
      .strict(),
    z.object({
      checks: z.array(doctorCheck),
      /** The address the server saw this computer as, when its pg_hba refused the doctor's probe (else null). */
      seenAddress: z.string().nullable(),
    }),
    [...codes, ...registryErrorCodes],
  ),
  'rds:find-instance': channel(
    z.object({ host: z.string().min(1).max(253) }).strict(),
    z.object({ match: z.object({ accountId: z.string(), regionId: z.string(), instanceId: z.string() }).nullable() }),
    codes,
  ),
} as const;
