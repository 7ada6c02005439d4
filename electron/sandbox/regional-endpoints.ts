import type { SandboxRegion } from './model';
import type { ActionParameters, SandboxReadState } from './read-actions';
import { ServiceErrorSignal } from './service-errors';

/**
 * The region a call is bound to: DescribeDBInstances' RegionId, DescribeActiveOperationTasks' Region, or the region
 * of the instance named by DBInstanceId / InsName. Null for calls that any endpoint serves (DescribeRegions).
 */
function boundRegion(action: string, parameters: ActionParameters, state: SandboxReadState): SandboxRegion | null {
  if (action === 'DescribeRegions') return null;
  const instanceId = parameters.DBInstanceId ?? parameters.InsName;
  const regionId =
    (instanceId ? state.instances.get(instanceId)?.regionId : undefined) ??
    (action === 'DescribeDBInstances' ? parameters.RegionId : parameters.Region);
  return state.regions.find((region) => region.regionId === regionId) ?? null;
}

/**
 * Answers as a wrong endpoint would. The API reference's Endpoints page sends each region's calls to its endpoint
 * (rds.aliyuncs.com for the shared regions, rds.<region>.aliyuncs.com for the others); how the service answers a
 * call sent to another region's endpoint is not documented: the sandbox's "not found" answers are a guess.
 * `served` is the region whose own listener took the call, or null for the shared endpoint.
 */
export function checkServedRegion(
  action: string,
  parameters: ActionParameters,
  state: SandboxReadState,
  served: string | null,
): void {
  const region = boundRegion(action, parameters, state);
  if (!region) return;
  const expected = region.ownEndpoint ? region.regionId : null;
  if (expected === served) return;
  if (action === 'DescribeDBInstances') throw new ServiceErrorSignal('InvalidRegionId.NotFound');
  throw new ServiceErrorSignal('InvalidDBInstanceId.NotFound');
}
