import type { RdsInstance } from '../../shared/contract/rds';

/** An instance row; a primary carries its read-only instances as children (DBInstanceType Readonly). */
export type InstanceRow = RdsInstance & { children?: InstanceRow[] };

/** Read-only instances nested under their primary when it is listed; the others stay at the top level. */
export function nestReadOnly(instances: RdsInstance[]): InstanceRow[] {
  const primaries = new Set(instances.map((instance) => instance.instanceId));
  const nested = (instance: RdsInstance) => instance.primaryInstanceId && primaries.has(instance.primaryInstanceId);
  return instances
    .filter((instance) => !nested(instance))
    .map((instance) => {
      const children = instances.filter((item) => nested(item) && item.primaryInstanceId === instance.instanceId);
      return children.length > 0 ? { ...instance, children } : instance;
    });
}
