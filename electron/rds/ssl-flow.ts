import type { EndpointChoice, RdsInstance, RdsSslState, SslChange } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { pendingFields, reportsFailure } from '../../shared/rds-ssl-expected';
import {
  endpointChoices,
  majorVersionOf,
  reconnectReminder,
  restartWarning,
  type SslFlowStep,
  sslProblemsFor,
} from '../../shared/rds-ssl-flow';
import { fail, ok, type Result } from '../../shared/result';
import { type Clock, systemClock } from '../platform/clock';
import { checkClientCa, checkCustomCertificate } from './certificate-checks';
import { checkCertificateCoversEndpoints } from './certificate-coverage';
import type { RdsClient, SslChangeParameters } from './rds-client';
import { readSslState } from './ssl-availability';
import { transientCodes } from './transient-codes';
import { afterSending } from './wait-until';

/** What the flow knows about an instance before a change. */
export interface SslPlan {
  instance: RdsInstance;
  choices: EndpointChoice[];
  ssl: RdsSslState;
}

/** How the wait after a change polls: backoff from `initialDelayMs` by `factor` up to `maxDelayMs`, for `timeoutMs`. */
export interface WaitOptions {
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  timeoutMs: number;
}

/** The defaults: first look after 2 s, then ×1.5 up to 15 s, for at most 20 minutes. */
export const defaultWaitOptions: WaitOptions = {
  initialDelayMs: 2000,
  factor: 1.5,
  maxDelayMs: 15_000,
  timeoutMs: 20 * 60_000,
};

/** Options of one run of the flow. */
export interface FlowRunOptions {
  onStep?: (step: SslFlowStep) => void;
  signal?: AbortSignal;
  /** Told just before the change's request goes out: from then on, stopping cannot take it back. */
  onSending?: () => void;
  /** Once the change was sent, this one ends the wait (default: `signal`): a change on its way is followed to its end. */
  followSignal?: AbortSignal;
  wait?: Partial<WaitOptions>;
}

const goneStatuses = new Set(['Deleting', 'Released', 'Deleted']);

/** The SSL flow of the console's Data Security > SSL page, driven through the RDS client. */
export class SslFlow {
  private readonly clock: Clock;

  constructor(
    private readonly client: RdsClient,
    ports: { clock?: Clock; now?: () => Date } = {},
  ) {
    this.clock = ports.clock ?? systemClock;
    this.now = ports.now ?? (() => new Date(this.clock.now()));
  }

  private readonly now: () => Date;

  /** Reads the instance, its endpoints and its SSL settings, and checks the prerequisites. */
  async prepare(instanceId: string, signal?: AbortSignal): Promise<Result<SslPlan, RdsErrorCode>> {
    const instance = await this.client.instance(instanceId, { signal });
    if (!instance.ok) return instance;
    const endpoints = await this.client.endpoints(instanceId, { signal });
    if (!endpoints.ok) return endpoints;
    const ssl = await readSslState(this.client, instanceId, { signal, instance: instance.value });
    if (!ssl.ok) return ssl;
    return ok({ instance: instance.value, choices: endpointChoices(endpoints.value), ssl: ssl.value });
  }

  /** Turns a change into the ModifyDBInstanceSSL parameters, refusing what the service would refuse. */
  parameters(plan: SslPlan, change: SslChange): Result<SslChangeParameters, RdsErrorCode> {
    const problems = sslProblemsFor(plan.instance, plan.ssl);
    if (problems.length > 0 && change.kind !== 'disable') {
      return fail('prerequisite_not_met', problems.map((problem) => problem.message).join(' '));
    }
    const instanceId = plan.instance.instanceId;
    const pickEndpoint = (host: string): Result<string, RdsErrorCode> => {
      const choice = plan.choices.find((item) => item.host === host);
      if (!choice) {
        const hosts = plan.choices.filter((item) => item.protectable).map((item) => item.host);
        return fail(
          'endpoint_not_found',
          `${host} is not an endpoint of ${instanceId}; choose one of: ${hosts.join(', ')}.`,
        );
      }
      if (!choice.protectable) return fail('prerequisite_not_met', `${host}: ${choice.note}`);
      return ok(host);
    };
    const current = plan.ssl.protectedEndpoint;
    switch (change.kind) {
      case 'enable':
      case 'change_endpoint': {
        const host = pickEndpoint(change.endpoint);
        if (!host.ok) return host;
        return ok({ instanceId, connectionString: host.value, sslEnabled: 1, caType: 'aliyun' });
      }
      case 'custom_certificate': {
        const hosts = [...new Set([change.endpoint, ...(change.endpoints ?? [])])];
        for (const item of hosts) {
          const picked = pickEndpoint(item);
          if (!picked.ok) return picked;
        }
        const checked = checkCustomCertificate(change.certificatePem, change.keyPem, this.now());
        if (!checked.ok) return checked;
        const covered = checkCertificateCoversEndpoints(change.certificatePem, hosts);
        if (!covered.ok) return covered;
        const { endpoint: connectionString, certificatePem: serverCert, keyPem: serverKey } = change;
        return ok({ instanceId, connectionString, sslEnabled: 1, caType: 'custom', serverCert, serverKey });
      }
      case 'renew':
        if (!plan.ssl.enabled || !current)
          return fail('invalid_parameter', 'SSL is off on this instance; enable it first.');
        if (plan.ssl.caType === 'custom') {
          return fail(
            'invalid_parameter',
            'A custom certificate is renewed by uploading a new one ("ssl enable ID --endpoint HOST --cert FILE --key FILE").',
          );
        }
        return ok({ instanceId, connectionString: current, sslEnabled: 1, caType: 'aliyun' });
      case 'disable':
        if (!plan.ssl.enabled || !current) return fail('invalid_parameter', 'SSL is already off on this instance.');
        return ok({ instanceId, connectionString: current, sslEnabled: 0 });
      case 'client_ca': {
        const major = majorVersionOf(plan.instance.engineVersion);
        for (const acl of [change.acl, change.replicationAcl]) {
          if (acl === 'verify-full' && major < 12) {
            return fail(
              'invalid_parameter',
              `ACL verify-full needs PostgreSQL 12 or later; this instance runs ${major}. Use verify-ca.`,
            );
          }
        }
        if (!plan.ssl.enabled || !current) {
          return fail('invalid_parameter', 'Enable SSL with a cloud or custom certificate before adding a client CA.');
        }
        const checked = checkClientCa(change.certificatePem, change.crlPem);
        if (!checked.ok) return checked;
        return ok({
          instanceId,
          connectionString: current,
          clientCaEnabled: 1,
          clientCaCert: change.certificatePem,
          acl: change.acl,
          replicationAcl: change.replicationAcl,
          clientCrlEnabled: change.crlPem ? 1 : 0,
          ...(change.crlPem ? { clientCrl: change.crlPem } : {}),
        });
      }
      case 'client_ca_off':
        if (!current) return fail('invalid_parameter', 'SSL is off on this instance; there is no client CA to remove.');
        return ok({ instanceId, connectionString: current, clientCaEnabled: 0 });
    }
  }

  /** Runs one change end to end: prerequisites, restart warning, the call, the wait, the reconnect reminder. */
  async run(
    instanceId: string,
    change: SslChange,
    options: FlowRunOptions = {},
  ): Promise<Result<RdsSslState, RdsErrorCode>> {
    const report = options.onStep ?? (() => undefined);
    const finish = <Value>(outcome: Result<Value, RdsErrorCode>): Result<Value, RdsErrorCode> => {
      if (!outcome.ok) report({ step: 'failed', error: outcome.error });
      return outcome;
    };
    const plan = await this.prepare(instanceId, options.signal);
    if (!plan.ok) return finish(plan);
    report({
      step: 'prerequisites',
      instance: plan.value.instance,
      problems: sslProblemsFor(plan.value.instance, plan.value.ssl),
    });
    report({ step: 'choose_endpoint', choices: plan.value.choices });
    const parameters = this.parameters(plan.value, change);
    if (!parameters.ok) return finish(parameters);
    report({ step: 'restart_warning', message: restartWarning });
    options.onSending?.();
    const sent = await this.client.modifySsl(parameters.value, { signal: options.signal });
    if (!sent.ok) return finish(sent);
    report({ step: 'sent', requestId: sent.value.requestId });
    const settled = await this.waitUntilSettled(instanceId, change, plan.value.ssl, afterSending(options));
    if (!settled.ok) return finish(settled);
    report({ step: 'done', ssl: settled.value, reminder: reconnectReminder });
    return settled;
  }

  /**
   * Polls, with backoff, until the change is done or the bounded wait ends (cancellable through the signal). Done
   * means the instance is Running again and DescribeDBInstanceSSL shows every asked-for setting; a change whose
   * settings looked the same before also needs the task itself to have been seen (SSL_MODIFYING or any other
   * non-Running status, or LastModifyStatus `setting`), because the old state shows first. LastModifyStatus may be
   * empty: it is used when present, never required. A fresh `failed` or failure reason ends the wait as
   * ssl_change_failed with the service's reason.
   */
  async waitUntilSettled(
    instanceId: string,
    change: SslChange,
    previous: RdsSslState | null,
    options: FlowRunOptions = {},
  ): Promise<Result<RdsSslState, RdsErrorCode>> {
    const wait = { ...defaultWaitOptions, ...options.wait };
    const started = this.clock.now();
    const lookedDone = previous !== null && pendingFields(change, previous, previous).length === 0;
    let delay = wait.initialDelayMs;
    let sawTask = false;
    let pending: string[] = [];
    for (let polls = 1; ; polls++) {
      try {
        await this.clock.sleep(delay, options.signal);
      } catch {
        return fail('cancelled', `Stopped waiting for ${instanceId}; the change may still be running there.`);
      }
      delay = Math.min(wait.maxDelayMs, Math.round(delay * wait.factor));
      const elapsedMs = this.clock.now() - started;
      const instance = await this.client.instance(instanceId, { signal: options.signal });
      if (!instance.ok && !transientCodes.has(instance.error.code)) return instance;
      const status = instance.ok ? instance.value.status : 'unknown';
      if (goneStatuses.has(status)) {
        return fail('instance_not_found', `${instanceId} is ${status}; the change cannot complete.`);
      }
      let lastModifyStatus: string | null = null;
      if (instance.ok && status !== 'Running') sawTask = true;
      if (status === 'Running') {
        const ssl = await this.client.sslState(instanceId, { signal: options.signal });
        if (!ssl.ok && !transientCodes.has(ssl.error.code)) return ssl;
        if (ssl.ok) {
          lastModifyStatus = ssl.value.lastModifyStatus;
          if (lastModifyStatus === 'setting') sawTask = true;
          const stale =
            previous !== null &&
            ssl.value.lastModifyStatus === previous.lastModifyStatus &&
            ssl.value.modifyStatusReason === previous.modifyStatusReason;
          // Settled first: a failure the service has not yet cleared from an earlier change must not hide success.
          pending = pendingFields(change, ssl.value, previous);
          if (pending.length === 0 && lastModifyStatus !== 'setting' && (sawTask || !lookedDone)) return ok(ssl.value);
          if (reportsFailure(ssl.value) && (sawTask || !stale)) {
            const reason = ssl.value.modifyStatusReason || 'no reason given';
            return fail('ssl_change_failed', `The SSL change of ${instanceId} failed: ${reason}.`);
          }
        }
      }
      options.onStep?.({ step: 'waiting', status, lastModifyStatus, polls, elapsedMs });
      if (this.clock.now() - started >= wait.timeoutMs) {
        const missing = pending.length > 0 ? `; not yet visible: ${pending.join(', ')}` : '';
        return fail(
          'wait_timeout',
          `${instanceId} is still ${status} after ${Math.round(elapsedMs / 1000)} s${missing}.`,
        );
      }
    }
  }
}
