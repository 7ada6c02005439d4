import type { SandboxCertificateAuthority } from './certificate-authority';
import type { SandboxInstance } from './model';
import type { ActionBody, ActionParameters, SandboxReadState } from './read-actions';
import { ServiceErrorSignal } from './service-errors';

// Scheduled O&M tasks as DescribeActiveOperationTasks reports them (API reference
// api-rds-2014-08-15-describeactiveoperationtasks; field names from the SDK's DescribeActiveOperationTasksResponseBody).
// Sources for the renewal: the cloud-certificate page (configure-ssl-encryption-for-an-apsaradb-rds-for-postgresql-
// instance) says a cloud certificate is valid for 365 days and is renewed automatically, its schedule being set in
// the Schedule Event dialog ("Manage scheduled events"); that page lists "SSL certificate expiration upgrades" among
// the S0 events, announced 3 days ahead or less, which restart the instance. That DescribeActiveOperationTasks is the
// API behind those events is inferred (it is the API of the scheduled O&M tasks; DescribeEvents / DescribeHistoryEvents
// report past events). The reference lists only the TaskTypes rds_apsaradb_ha / _transfer / _upgrade / _maxscale, so
// the renewal's TaskType and texts below, and when it is scheduled (announced 30 days before expiry, switching 7 days
// before it at 18:00Z, the start of the sandbox's maintenance window) are the sandbox's guesses.

/** The TaskType the sandbox gives the certificate renewal (a guess: the reference does not list one). */
export const renewalTaskType = 'rds_apsaradb_ssl_update';

const dayMs = 86_400_000;

/** One scheduled task of an instance, derived from its state. */
export interface SandboxTask {
  id: number;
  instance: SandboxInstance;
  created: Date;
  switchTime: Date;
  deadline: Date;
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function idOf(instanceId: string, expiresAt: Date): number {
  let hash = Math.floor(expiresAt.getTime() / 1000);
  for (const character of instanceId) hash = (hash * 31 + character.charCodeAt(0)) % 2_000_000_000;
  return hash;
}

/** The pending renewal of an instance's cloud certificate, once it expires within 30 days; null otherwise. */
export function renewalTask(instance: SandboxInstance, now: Date): SandboxTask | null {
  const { enabled, caType, expiresAt } = instance.ssl;
  if (!enabled || caType !== 'aliyun' || !expiresAt) return null;
  if (expiresAt.getTime() - now.getTime() > 30 * dayMs) return null;
  const switchTime = new Date(expiresAt.getTime() - 7 * dayMs);
  switchTime.setUTCHours(18, 0, 0, 0);
  return {
    id: idOf(instance.instanceId, expiresAt),
    instance,
    created: new Date(expiresAt.getTime() - 30 * dayMs),
    switchTime,
    deadline: new Date(expiresAt.getTime() - dayMs),
  };
}

/**
 * Carries out every renewal whose switch time has passed: a new 365-day certificate for the same endpoint (the
 * restart itself is instant here). Called before each request, so a moved clock shows the renewed certificate.
 */
export function applyDueRenewals(state: SandboxReadState, authority: SandboxCertificateAuthority, now: Date): void {
  for (const instance of state.instances.values()) {
    const task = renewalTask(instance, now);
    const host = instance.ssl.protectedEndpoint;
    if (!task || !host || task.switchTime.getTime() > now.getTime()) continue;
    const issued = authority.issueServerCertificate(host, now);
    instance.ssl = {
      ...instance.ssl,
      serverCert: issued.chainPem,
      serverKey: issued.keyPem,
      createdAt: issued.notBefore,
      expiresAt: issued.notAfter,
      lastModifyStatus: 'success',
      modifyStatusReason: 'Renewed by a scheduled O&M task.',
    };
  }
}

function item(task: SandboxTask): Record<string, unknown> {
  const { instance } = task;
  return {
    Id: task.id,
    InsName: instance.instanceId,
    InsComment: instance.description,
    Region: instance.regionId,
    CurrentAVZ: instance.zoneId,
    DbType: instance.engine === 'MySQL' ? 'mysql' : 'pgsql',
    DbVersion: instance.engineVersion,
    TaskType: renewalTaskType,
    TaskTypeEn: 'SSL certificate renewal',
    TaskTypeZh: 'SSL证书更新',
    ChangeLevel: 'S0',
    ChangeLevelEn: 'Risk repairment',
    ChangeLevelZh: '风险修复',
    Impact: 'TransientDisconnection',
    ImpactEn: 'Transient instance disconnection',
    ImpactZh: '实例闪断',
    Status: 3,
    AllowCancel: '0',
    AllowChange: '1',
    PrepareInterval: '01:00:00',
    CreatedTime: isoSeconds(task.created),
    StartTime: isoSeconds(new Date(task.switchTime.getTime() - 3_600_000)),
    SwitchTime: isoSeconds(task.switchTime),
    Deadline: isoSeconds(task.deadline),
    ModifiedTime: isoSeconds(task.created),
    ResultInfo: '',
    TaskParams: '',
    SubInsNames: [],
  };
}

/** DescribeActiveOperationTasks: the pending tasks, filtered by Region, InsName, TaskType and Status, paged. */
export function describeActiveOperationTasks(
  state: SandboxReadState & { now(): Date },
  parameters: ActionParameters,
): ActionBody {
  const pageSize = Number(parameters.PageSize ?? 25);
  const pageNumber = Number(parameters.PageNumber ?? 1);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new ServiceErrorSignal('InvalidParameter', 'PageSize');
  }
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new ServiceErrorSignal('InvalidParameter', 'PageNumber');
  const region = parameters.Region ?? 'all';
  const taskType = parameters.TaskType ?? 'all';
  const status = parameters.Status ?? '-1';
  const now = state.now();
  const tasks = [...state.instances.values()]
    .filter((instance) => region === 'all' || instance.regionId === region)
    .filter((instance) => !parameters.InsName || instance.instanceId === parameters.InsName)
    .map((instance) => renewalTask(instance, now))
    .filter((task): task is SandboxTask => task !== null)
    .filter(() => (taskType === 'all' || taskType === renewalTaskType) && (status === '-1' || status === '3'));
  const page = tasks.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { Items: page.map(item), PageNumber: pageNumber, PageSize: pageSize, TotalRecordCount: tasks.length };
}
