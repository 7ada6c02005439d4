import { readFile } from 'node:fs/promises';
import type { RdsChannelErrorCode, rdsChannels } from '../../../shared/contract/rds';
import type { ServerForm } from '../../../shared/contract/server-form';
import { serverFieldsFromRdsEntry } from '../../../shared/rds-server-fields';
import { restartWarning, sslProblemsFor } from '../../../shared/rds-ssl-flow';
import { fail, ok } from '../../../shared/result';
import { CertificateStore, certificateStoreFolder } from '../../certs/index';
import { confinedPath } from '../../platform/confined-path';
import { apiLanguageOf, auditFleet, downloadServerCa, pendingRenewal, SslFlow, serverEntryFor } from '../../rds/index';
import { desktopCaller, type HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';

type RdsHandlers = Pick<HandlerTable, keyof typeof rdsChannels>;

const mediaTypes = {
  pem: 'application/x-pem-file',
  jks: 'application/octet-stream',
  p7b: 'application/x-pkcs7-certificates',
};

async function savedFile(path: string, kind: keyof typeof mediaTypes) {
  const bytes = await readFile(path);
  return {
    fileName: path.split('/').pop() ?? `ca.${kind}`,
    mediaType: mediaTypes[kind],
    contentBase64: bytes.toString('base64'),
  };
}

/** The cloud panel's handlers: accounts, regions, instances, changes as jobs (started, polled, stopped), the CA download, register, the audit. */
export function createRdsHandlers(ports: AppPorts): RdsHandlers {
  const { panel, jobs } = ports.rds;
  // The id is not echoed: it may be anything a hostile page sent.
  const noJob = () =>
    fail<RdsChannelErrorCode>('job_not_found', 'This change is not tracked here; read the instance again.');
  return {
    'rds:accounts': async () => {
      const accounts = await panel.checkedList();
      return accounts.ok ? ok({ accounts: accounts.value }) : accounts;
    },
    'rds:account-add': (request) => panel.add(request),
    'rds:sandbox-start': () => panel.startSandbox(),
    'rds:regions': async ({ accountId, language }) => {
      const made = await panel.client(accountId);
      if (!made.ok) return made;
      const regions = await made.value.client.regions({ language: apiLanguageOf(language) });
      if (!regions.ok) return regions;
      return ok({ regions: regions.value.map(({ regionId, localName }) => ({ regionId, localName })) });
    },
    'rds:instances': async ({ accountId, regionId }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const instances = await made.value.client.instances(regionId, 'PostgreSQL');
      return instances.ok ? ok({ instances: instances.value }) : instances;
    },
    'rds:instance': async ({ accountId, regionId, instanceId, language }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const plan = await new SslFlow(made.value.client).prepare(instanceId);
      if (!plan.ok) return plan;
      const renewal = await pendingRenewal(made.value.client, regionId, instanceId, apiLanguageOf(language));
      if (!renewal.ok) return renewal;
      const problems = sslProblemsFor(plan.value.instance, plan.value.ssl);
      return ok({ ...plan.value, problems, restartWarning, renewal: renewal.value });
    },
    'rds:flow-start': async (request, caller = desktopCaller) => {
      const made = await panel.client(request.accountId, request.regionId);
      if (!made.ok) return made;
      const flow = new SslFlow(made.value.client);
      const wait = ports.rds.waitOptions(made.value.account.kind);
      return jobs.start(caller.session, request, request.change.kind, async (progress) => {
        const settled = await flow.run(request.instanceId, request.change, { ...progress, wait });
        return settled.ok ? ok({ ssl: settled.value }) : settled;
      });
    },
    'rds:flow-status': async ({ jobId }, caller = desktopCaller) => {
      const status = jobs.status(caller.session, jobId);
      return status ? ok(status) : noJob();
    },
    'rds:flow-cancel': async ({ jobId }, caller = desktopCaller) =>
      jobs.cancel(caller.session, jobId) ? ok({}) : noJob(),
    'rds:flow-jobs': async (target, caller = desktopCaller) => ok({ jobs: jobs.list(caller.session, target) }),
    'rds:ca-download': async ({ accountId, regionId, instanceId }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const store = new CertificateStore({ folder: certificateStoreFolder(ports.home) });
      const outDir = confinedPath(ports.home, 'rds', 'ca-files', instanceId);
      if (!outDir)
        return fail('invalid_parameter', `"${instanceId}" is not an RDS instance id; pick the instance again.`);
      const downloaded = await downloadServerCa(
        { client: made.value.client, fetch: ports.rds.fetch, store, appHome: ports.home },
        instanceId,
        { outDir },
      );
      if (!downloaded.ok) return downloaded;
      const { files, rootCertificatePath, endpoint, certificates } = downloaded.value;
      if (!files) return fail('ca_package_invalid', 'The CA files were not written; download the CA again.');
      return ok({
        rootCertificatePath,
        endpoint,
        certificates,
        files: {
          pem: await savedFile(files.pem, 'pem'),
          jks: await savedFile(files.jks, 'jks'),
          p7b: await savedFile(files.p7b, 'p7b'),
        },
      });
    },
    'rds:register-form': async ({ accountId, regionId, instanceId, endpoint, rootCertificatePath, username }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const entry = await serverEntryFor(made.value.client, instanceId, endpoint, rootCertificatePath);
      if (!entry.ok) return entry;
      const sandbox = made.value.account.kind === 'sandbox';
      // RDS users cannot log in as postgres: the user is the account picked on the instance page, or left empty.
      const fields = serverFieldsFromRdsEntry(entry.value, username ?? '');
      // The sandbox's endpoint names do not resolve: its PostgreSQL listens on loopback, so the name is kept for
      // verify-full and the address is given as hostaddr (and the cluster's port).
      if (sandbox) fields.parameters.push({ keyword: 'hostaddr', value: '127.0.0.1' });
      // A public endpoint allocated later keeps the port the user picked in the API; one cluster serves them all.
      const port = sandbox ? await panel.sandboxPort(instanceId) : null;
      if (port) fields.port = port;
      fields.parameters.push({ keyword: 'connect_timeout', value: '10' });
      const form: ServerForm = { ...fields, connectNow: false, password: '' };
      return ok({ form });
    },
    'rds:audit': async ({ accountId }) => {
      const made = await panel.client(accountId);
      if (!made.ok) return made;
      const report = await auditFleet(made.value.client);
      if (!report.ok) return report;
      return ok({ generatedAt: report.value.generatedAt, regions: report.value.regions, rows: report.value.rows });
    },
  };
}
