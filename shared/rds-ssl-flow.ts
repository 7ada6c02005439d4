import type { EndpointChoice, PrerequisiteProblem, RdsEndpoint, RdsInstance, RdsSslState } from './contract/rds';
import type { RdsErrorCode } from './rds-errors';
import type { Failure } from './result';

/** The steps of the SSL flow, as a discriminated union the UI and the CLI render one by one. */
export type SslFlowStep =
  | { step: 'prerequisites'; instance: RdsInstance; problems: PrerequisiteProblem[] }
  | { step: 'choose_endpoint'; choices: EndpointChoice[] }
  | { step: 'restart_warning'; message: string }
  | { step: 'sent'; requestId: string }
  | { step: 'waiting'; status: string; lastModifyStatus: string | null; polls: number; elapsedMs: number }
  | { step: 'done'; ssl: RdsSslState; reminder: string }
  | { step: 'failed'; error: Failure<RdsErrorCode> };

/** Shown before every change: the console's own warning about the restart. */
export const restartWarning =
  'The instance restarts to apply this change: expect transient disconnections lasting several minutes. ' +
  'We recommend doing this during off-peak hours.';

/** Shown after every change: SSL applies to new connections only. */
export const reconnectReminder =
  'Close the existing connections to this instance and open them again: the SSL change applies to new connections only.';

/** The major version of an engine version string ("9.4" → 9.4, "16.0" → 16). */
export function majorVersionOf(engineVersion: string): number {
  const value = Number.parseFloat(engineVersion);
  return Number.isFinite(value) ? value : 0;
}

/** Checks the documented prerequisites: PostgreSQL 10 or later, cloud disks, not Serverless. */
export function sslPrerequisiteProblems(instance: RdsInstance): PrerequisiteProblem[] {
  const problems: PrerequisiteProblem[] = [];
  if (instance.engine.toLowerCase() !== 'postgresql') {
    problems.push({ reason: 'not_postgresql', message: `${instance.engine} instances are outside this app's scope.` });
  } else if (majorVersionOf(instance.engineVersion) < 10) {
    problems.push({
      reason: 'version_too_old',
      message: `PostgreSQL ${instance.engineVersion} is too old: SSL needs PostgreSQL 10 or later; upgrade the major version first.`,
    });
  }
  if (!instance.storageType.startsWith('cloud_') && instance.storageType !== 'general_essd') {
    problems.push({
      reason: 'local_disk',
      message: `The instance uses local disks (${instance.storageType || 'unknown'}); SSL needs cloud disks (ESSD or SSD).`,
    });
  }
  if (instance.category.toLowerCase().startsWith('serverless')) {
    problems.push({ reason: 'serverless', message: 'Serverless instances do not support SSL encryption.' });
  }
  return problems;
}

/** The prerequisite problems, plus the service's refusal when DescribeDBInstanceSSL said SSL is unavailable. */
export function sslProblemsFor(instance: RdsInstance, ssl: RdsSslState): PrerequisiteProblem[] {
  const problems = sslPrerequisiteProblems(instance);
  if (problems.length === 0 && ssl.unavailableReason) {
    problems.push({ reason: 'service_refused', message: ssl.unavailableReason });
  }
  return problems;
}

/** The endpoints a cloud certificate can protect; the public one is recommended when both exist. */
export function endpointChoices(endpoints: RdsEndpoint[]): EndpointChoice[] {
  const hasPublic = endpoints.some((endpoint) => endpoint.kind === 'public' && !endpoint.readWriteSplitting);
  return endpoints.map((endpoint) => {
    if (endpoint.readWriteSplitting) {
      return {
        ...endpoint,
        protectable: false,
        recommended: false,
        note: 'SSL encryption is not supported for the read/write splitting endpoint.',
      };
    }
    const recommended = hasPublic ? endpoint.kind === 'public' : endpoint.kind === 'internal';
    const note = recommended && hasPublic ? 'Recommended: internal connections are already relatively secure.' : null;
    return { ...endpoint, protectable: true, recommended, note };
  });
}
