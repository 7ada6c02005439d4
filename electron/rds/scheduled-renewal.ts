import type { RdsScheduledTask } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { ok, type Result } from '../../shared/result';
import type { RdsClient } from './rds-client';
import { type ApiLanguage, scheduledRenewal } from './task-mapping';

/**
 * The pending automatic renewal of an instance's cloud certificate, from DescribeActiveOperationTasks. The SSL page
 * does not depend on it: when the tasks cannot be read (say a RAM policy without that action), the answer is null.
 */
export async function pendingRenewal(
  client: RdsClient,
  regionId: string,
  instanceId: string,
  language: ApiLanguage,
  signal?: AbortSignal,
): Promise<Result<RdsScheduledTask | null, RdsErrorCode>> {
  const tasks = await client.scheduledTasks(regionId, instanceId, { language, signal });
  if (!tasks.ok) return tasks.error.code === 'cancelled' ? tasks : ok(null);
  return ok(scheduledRenewal(tasks.value));
}
