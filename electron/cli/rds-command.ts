import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ClientAcl, clientAclValues, type SslChange } from '../../shared/contract/rds';
import { auditToCsv } from '../../shared/rds-audit';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { serverFieldsFromRdsEntry } from '../../shared/rds-server-fields';
import { sslProblemsFor } from '../../shared/rds-ssl-flow';
import type { Failure, Result } from '../../shared/result';
import { CertificateStore, certificateStoreFolder } from '../certs/index';
import { downloadServerCa } from '../rds/ca-download';
import { auditFleet } from '../rds/fleet-audit';
import type { RdsClient } from '../rds/rds-client';
import { serverEntryFor } from '../rds/register';
import { pendingRenewal } from '../rds/scheduled-renewal';
import { readSslState } from '../rds/ssl-availability';
import { SslFlow } from '../rds/ssl-flow';
import { type CliCommand, type CliIo, failWith, usageFailure, writeJson, writeLine } from './command';
import { accountCreateCommand, accountsCommand, connectUsage, whitelistCommand } from './rds-connect-command';
import { checkDatabaseHost, cliAppHome, clientFromFlags } from './rds-context';
import { doctorCommand, doctorUsage } from './rds-doctor-command';
import { endpointUsage, publicEndpointCommand } from './rds-endpoint-command';
import { enforceUsage, sslEnforceCommand } from './rds-enforce-command';
import { formatEndpoints, formatInstances, formatRegions, formatRenewal, formatSsl, formatStep } from './rds-format';

const usage =
  'rdspg rds regions | instances [--region ID] | show ID | ssl show ID | ssl enable ID --endpoint HOST [--cert FILE --key FILE [--protect HOST]...] | ' +
  'ssl disable ID | ssl renew ID | ssl client-ca ID --ca FILE [--acl MODE] [--replication-acl MODE] [--crl FILE] | ssl client-ca-off ID | ' +
  'ca download ID --out DIR | register ID --endpoint HOST | audit [--json|--csv] | ' +
  `${connectUsage} | ${endpointUsage} | ${enforceUsage} | ${doctorUsage} — with --endpoint URL (or --api-endpoint URL) and --profile NAME`;

const options = {
  endpoint: { type: 'string' },
  'api-endpoint': { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  out: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  protect: { type: 'string', multiple: true },
  ca: { type: 'string' },
  crl: { type: 'string' },
  acl: { type: 'string' },
  'replication-acl': { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  ip: { type: 'string' },
  privileged: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  prefix: { type: 'string' },
  server: { type: 'string' },
  port: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

interface Run {
  io: CliIo;
  values: Values;
  client: RdsClient;
  /** The DB endpoint host given after `ssl enable` / `register`. */
  databaseHost: string | undefined;
}

function report<Value>(run: Run, result: Result<Value, RdsErrorCode>, human: (value: Value) => string): number {
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.json) writeJson(run.io.stdout, result.value);
  else writeLine(run.io.stdout, human(result.value));
  return 0;
}

/** `rdspg rds …`: the RDS OpenAPI side of the app (regions, instances, SSL, CA, register, audit). */
export const rdsCommand: CliCommand = {
  summary: 'ApsaraDB RDS: instances, the SSL flow, the CA download and the fleet audit',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    const [group, ...rest] = positionals;
    const takesDatabaseHost = (group === 'ssl' && rest[0] === 'enable') || group === 'register';
    let databaseHost: string | undefined;
    let apiEndpoint = values['api-endpoint'];
    if (takesDatabaseHost) {
      databaseHost = values.endpoint;
      for (const host of [databaseHost, ...(values.protect ?? [])]) {
        const checked = host ? checkDatabaseHost(host) : null;
        if (checked && !checked.ok) return failWith(io, usageFailure(usage, checked.error.message));
      }
    } else {
      apiEndpoint = apiEndpoint ?? values.endpoint;
    }
    if (!group) return failWith(io, usageFailure(usage, 'missing the subcommand'));
    const client = await clientFromFlags({
      apiEndpoint,
      profile: values.profile,
      region: values.region,
      env: io.env,
      io,
    });
    if (!client.ok) return failWith(io, client.error);
    const run: Run = { io, values, client: client.value, databaseHost };
    switch (group) {
      case 'regions':
        return regions(run);
      case 'instances':
        return instances(run);
      case 'show':
        return show(run, rest[0]);
      case 'ssl':
        if (rest[0] === 'enforce') return sslEnforceCommand({ io, client: client.value, values }, rest[1], rest[2]);
        return ssl(run, rest[0], rest[1]);
      case 'ca':
        if (rest[0] !== 'download') return failWith(io, usageFailure(usage, 'use "rds ca download ID --out DIR"'));
        return caDownload(run, rest[1]);
      case 'register':
        return register(run, rest[0]);
      case 'audit':
        return audit(run);
      case 'whitelist':
        return whitelistCommand({ io, client: client.value, values }, rest[0], rest[1]);
      case 'accounts':
        return accountsCommand({ io, client: client.value, values }, rest[0]);
      case 'doctor':
        return doctorCommand({ io, client: client.value, values }, rest[0]);
      case 'public-endpoint':
        return publicEndpointCommand({ io, client: client.value, values }, rest[0], rest[1]);
      case 'account':
        if (rest[0] !== 'create') return failWith(io, usageFailure(usage, 'use "rds account create ID NAME"'));
        return accountCreateCommand({ io, client: client.value, values }, rest[1], rest[2]);
      default:
        return failWith(io, usageFailure(usage, `unknown subcommand "${group}"`));
    }
  },
};

async function regions(run: Run): Promise<number> {
  const result = await run.client.regions();
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.json) writeJson(run.io.stdout, { regions: result.value });
  else writeLine(run.io.stdout, formatRegions(result.value));
  return 0;
}

async function instances(run: Run): Promise<number> {
  const regionIds = run.values.region ? [run.values.region] : null;
  const regions = regionIds ?? (await run.client.regions());
  if (!Array.isArray(regions) && !regions.ok) return failWith(run.io, regions.error);
  const ids = Array.isArray(regions) ? regions : regions.value.map((region) => region.regionId);
  const lists = await Promise.all(ids.map((regionId) => run.client.instances(regionId)));
  const failed = lists.find((list) => !list.ok);
  if (failed && !failed.ok) return failWith(run.io, failed.error);
  const all = lists.flatMap((list) => (list.ok ? list.value : []));
  if (run.values.json) writeJson(run.io.stdout, { instances: all });
  else writeLine(run.io.stdout, all.length ? formatInstances(all) : 'No PostgreSQL instances.');
  return 0;
}

async function show(run: Run, instanceId: string | undefined): Promise<number> {
  if (!instanceId) return failWith(run.io, usageFailure(usage, 'missing the instance ID'));
  const plan = await new SslFlow(run.client).prepare(instanceId);
  if (!plan.ok) return failWith(run.io, plan.error);
  const { instance, choices, ssl } = plan.value;
  const problems = sslProblemsFor(instance, ssl);
  const renewal = await pendingRenewal(run.client, instance.regionId, instanceId, 'en-US');
  if (!renewal.ok) return failWith(run.io, renewal.error);
  if (run.values.json) {
    writeJson(run.io.stdout, {
      instance,
      endpoints: choices,
      ssl,
      sslPrerequisites: problems,
      scheduledRenewal: renewal.value,
    });
    return 0;
  }
  writeLine(run.io.stdout, formatInstances([instance]));
  writeLine(run.io.stdout);
  writeLine(run.io.stdout, formatEndpoints(choices));
  writeLine(run.io.stdout);
  writeLine(run.io.stdout, formatSsl(ssl));
  writeLine(run.io.stdout, formatRenewal(renewal.value));
  if (!ssl.unavailableReason)
    for (const problem of problems) writeLine(run.io.stdout, `SSL cannot be enabled: ${problem.message}`);
  return 0;
}

async function changeFor(run: Run, action: string | undefined, instanceId: string): Promise<SslChange | Failure> {
  const { values } = run;
  switch (action) {
    case 'enable': {
      if (!run.databaseHost) return usageFailure(usage, 'ssl enable needs --endpoint HOST (the endpoint to protect)');
      if (values.cert || values.key) {
        if (!values.cert || !values.key) return usageFailure(usage, 'a custom certificate needs both --cert and --key');
        const [certificatePem, keyPem] = await Promise.all([
          readFile(values.cert, 'utf8'),
          readFile(values.key, 'utf8'),
        ]);
        const endpoints = [run.databaseHost, ...(values.protect ?? [])];
        return { kind: 'custom_certificate', endpoint: run.databaseHost, certificatePem, keyPem, endpoints };
      }
      const current = await run.client.sslState(instanceId);
      const changing = current.ok && current.value.enabled && current.value.protectedEndpoint !== run.databaseHost;
      return { kind: changing ? 'change_endpoint' : 'enable', endpoint: run.databaseHost };
    }
    case 'disable':
      return { kind: 'disable' };
    case 'renew':
      return { kind: 'renew' };
    case 'client-ca-off':
      return { kind: 'client_ca_off' };
    case 'client-ca': {
      if (!values.ca) return usageFailure(usage, 'ssl client-ca needs --ca FILE');
      const acl = (values.acl ?? 'prefer') as ClientAcl;
      const replicationAcl = (values['replication-acl'] ?? 'prefer') as ClientAcl;
      for (const value of [acl, replicationAcl]) {
        if (!clientAclValues.includes(value))
          return usageFailure(usage, `ACL must be one of ${clientAclValues.join(', ')}`);
      }
      const certificatePem = await readFile(values.ca, 'utf8');
      const crlPem = values.crl ? await readFile(values.crl, 'utf8') : undefined;
      return { kind: 'client_ca', certificatePem, acl, replicationAcl, ...(crlPem ? { crlPem } : {}) };
    }
    default:
      return usageFailure(usage, `unknown ssl action "${action ?? ''}"`);
  }
}

async function ssl(run: Run, action: string | undefined, instanceId: string | undefined): Promise<number> {
  if (!instanceId) return failWith(run.io, usageFailure(usage, 'missing the instance ID'));
  if (action === 'show') return report(run, await readSslState(run.client, instanceId), formatSsl);
  const change = await changeFor(run, action, instanceId);
  if ('code' in change) return failWith(run.io, change);
  const flow = new SslFlow(run.client);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const timeoutSeconds = Number(run.values.timeout ?? 1200);
    const result = await flow.run(instanceId, change, {
      signal: controller.signal,
      wait: { timeoutMs: timeoutSeconds * 1000 },
      onStep: (step) => {
        const line = formatStep(step);
        if (line && !run.values.json) writeLine(run.io.stderr, line);
      },
    });
    return report(run, result, formatSsl);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

async function caDownload(run: Run, instanceId: string | undefined): Promise<number> {
  if (!instanceId) return failWith(run.io, usageFailure(usage, 'missing the instance ID'));
  const appHome = cliAppHome(run.io.env);
  const store = new CertificateStore({ folder: certificateStoreFolder(appHome) });
  const result = await downloadServerCa({ client: run.client, fetch, store, appHome }, instanceId, {
    ...(run.values.out ? { outDir: run.values.out } : {}),
  });
  return report(run, result, (value) =>
    [
      `Downloaded the CA of ${value.instanceId} (${value.endpoint}), ${value.format}: ${value.certificates.map((item) => item.subject.replace(/\n/g, ', ')).join(' | ')}`,
      `Stored in the certificate store; sslrootcert: ${value.rootCertificatePath}`,
      ...(value.files ? [`Saved ${value.files.pem}, ${value.files.jks} (password apsaradb), ${value.files.p7b}`] : []),
    ].join('\n'),
  );
}

async function register(run: Run, instanceId: string | undefined): Promise<number> {
  if (!instanceId) return failWith(run.io, usageFailure(usage, 'missing the instance ID'));
  if (!run.databaseHost) return failWith(run.io, usageFailure(usage, 'register needs --endpoint HOST'));
  let rootCertificatePath = run.values.ca ?? null;
  if (!rootCertificatePath) {
    const appHome = cliAppHome(run.io.env);
    const store = new CertificateStore({ folder: certificateStoreFolder(appHome) });
    const downloaded = await downloadServerCa({ client: run.client, fetch, store, appHome }, instanceId);
    if (downloaded.ok) rootCertificatePath = downloaded.value.rootCertificatePath;
  }
  const entry = await serverEntryFor(run.client, instanceId, run.databaseHost, rootCertificatePath);
  if (entry.ok && run.values.json) {
    writeJson(run.io.stdout, { ...entry.value, serverFields: serverFieldsFromRdsEntry(entry.value) });
    return 0;
  }
  return report(run, entry, (value) =>
    [
      `Server entry for ${value.name}:`,
      `  host ${value.host}  port ${value.port}  sslmode ${value.sslmode}`,
      `  sslrootcert ${value.sslrootcert ?? '(none: download the CA with "rdspg rds ca download")'}`,
      `  maintenance database ${value.maintenanceDatabase} — ${value.maintenanceDatabaseNote}`,
    ].join('\n'),
  );
}

async function audit(run: Run): Promise<number> {
  const concurrency = run.values.concurrency ? Number(run.values.concurrency) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    return failWith(run.io, usageFailure(usage, '--concurrency takes a positive whole number'));
  }
  const result = await auditFleet(run.client, {
    ...(concurrency ? { concurrency } : {}),
    ...(run.values.region ? { regionIds: [run.values.region] } : {}),
  });
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.csv) {
    run.io.stdout.write(auditToCsv(result.value.rows));
    return 0;
  }
  if (run.values.json) {
    writeJson(run.io.stdout, result.value);
    return 0;
  }
  const lines = result.value.rows.map((row) => {
    const state = row.error
      ? `error [${row.error.code}]`
      : row.sslUnavailableReason
        ? `SSL not available: ${row.sslUnavailableReason}`
        : row.sslEnabled
          ? `SSL on ${row.protectedEndpoint}`
          : 'SSL off';
    const expiry =
      row.daysLeft !== null ? `, ${row.daysLeft} days left${row.requireUpdate ? ' (update needed)' : ''}` : '';
    return `${row.regionId}  ${row.instanceId || '(region)'}  PostgreSQL ${row.engineVersion}  ${state}${expiry}`;
  });
  writeLine(run.io.stdout, lines.join('\n'));
  const { instances: count, sslOn, sslOff, failures } = result.value;
  writeLine(
    run.io.stdout,
    `${count} instances in ${result.value.regions} regions: ${sslOn} with SSL, ${sslOff} without, ${failures} failed`,
  );
  return 0;
}
