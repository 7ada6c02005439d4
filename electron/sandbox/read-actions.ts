import type { SandboxInstance, SandboxRegion } from './model';
import { ServiceErrorSignal } from './service-errors';

/** Request parameters as the action handlers see them (query and form body merged). */
export type ActionParameters = Record<string, string>;

/** The JSON body of a successful answer, before the RequestId is added. */
export type ActionBody = Record<string, unknown>;

/** The state the read actions look at. */
export interface SandboxReadState {
  regions: SandboxRegion[];
  instances: Map<string, SandboxInstance>;
}

/** Finds an instance by the DBInstanceId parameter, or answers as the service does when it is missing or unknown. */
export function requireInstance(state: SandboxReadState, parameters: ActionParameters): SandboxInstance {
  const id = parameters.DBInstanceId;
  if (!id) throw new ServiceErrorSignal('MissingParameter', 'DBInstanceId');
  const instance = state.instances.get(id);
  if (!instance) throw new ServiceErrorSignal('InvalidDBInstanceId.NotFound');
  return instance;
}

/** DescribeRegions: one RDSRegion item per zone, as the service lists them. */
export function describeRegions(state: SandboxReadState): ActionBody {
  const items = state.regions.flatMap((region) =>
    region.zoneIds.map((zoneId) => ({
      RegionId: region.regionId,
      ZoneId: zoneId,
      LocalName: region.localName,
      ZoneName: zoneId,
      RegionEndpoint: 'rds.aliyuncs.com',
    })),
  );
  return { Regions: { RDSRegion: items } };
}

function summary(instance: SandboxInstance): Record<string, unknown> {
  const normal = instance.endpoints.find((endpoint) => endpoint.ipType === 'Private');
  return {
    DBInstanceId: instance.instanceId,
    DBInstanceDescription: instance.description,
    RegionId: instance.regionId,
    ZoneId: instance.zoneId,
    Engine: instance.engine,
    EngineVersion: instance.engineVersion,
    DBInstanceStatus: instance.status,
    DBInstanceType: 'Primary',
    DBInstanceClass: instance.instanceClass,
    DBInstanceStorageType: instance.storageType,
    DBInstanceNetType: 'Intranet',
    Category: instance.category,
    InstanceNetworkType: 'VPC',
    PayType: 'Postpaid',
    LockMode: 'Unlock',
    ConnectionMode: 'Standard',
    ConnectionString: normal?.host ?? '',
    CreateTime: instance.createdAt,
    ExpireTime: '',
    MutriORsignle: false,
    ResourceGroupId: 'rg-acfmsandbox',
    VpcId: 'vpc-bp1sandbox',
    VSwitchId: 'vsw-bp1sandbox',
    ReadOnlyDBInstanceIds: { ReadOnlyDBInstanceId: [] },
  };
}

/** DescribeDBInstances: filtered by RegionId, Engine and DBInstanceId, paged by PageNumber/PageSize (max 100). */
export function describeInstances(state: SandboxReadState, parameters: ActionParameters): ActionBody {
  const regionId = parameters.RegionId;
  if (!regionId) throw new ServiceErrorSignal('MissingParameter', 'RegionId');
  if (!state.regions.some((region) => region.regionId === regionId)) {
    throw new ServiceErrorSignal('InvalidRegionId.NotFound');
  }
  const pageSize = Number(parameters.PageSize ?? 30);
  const pageNumber = Number(parameters.PageNumber ?? 1);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new ServiceErrorSignal('InvalidParameter', 'PageSize');
  }
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new ServiceErrorSignal('InvalidParameter', 'PageNumber');
  const ids = parameters.DBInstanceId ? new Set(parameters.DBInstanceId.split(',')) : null;
  const matching = [...state.instances.values()].filter(
    (instance) =>
      instance.regionId === regionId &&
      (!parameters.Engine || instance.engine.toLowerCase() === parameters.Engine.toLowerCase()) &&
      (!ids || ids.has(instance.instanceId)),
  );
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    Items: { DBInstance: page.map(summary) },
    PageNumber: pageNumber,
    PageRecordCount: page.length,
    TotalRecordCount: matching.length,
  };
}

/** DescribeDBInstanceAttribute: the detailed attributes of one instance. */
export function describeAttribute(state: SandboxReadState, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(state, parameters);
  const normal = instance.endpoints.find((endpoint) => endpoint.ipType === 'Private');
  return {
    Items: {
      DBInstanceAttribute: [
        {
          ...summary(instance),
          Port: String(normal?.port ?? 5432),
          DBInstanceStorage: 100,
          DBInstanceCPU: '2',
          DBInstanceMemory: 4096,
          MaxConnections: 400,
          MaintainTime: '18:00Z-22:00Z',
          SecurityIPMode: 'normal',
          SecurityIPList: '127.0.0.1',
          CreationTime: instance.createdAt,
        },
      ],
    },
  };
}

/** DescribeDBInstanceNetInfo: the endpoints of an instance. */
export function describeNetInfo(state: SandboxReadState, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(state, parameters);
  return {
    InstanceNetworkType: 'VPC',
    SecurityIPMode: 'normal',
    DBInstanceNetInfos: {
      DBInstanceNetInfo: instance.endpoints.map((endpoint) => ({
        ConnectionString: endpoint.host,
        IPAddress: endpoint.ipAddress,
        IPType: endpoint.ipType,
        Port: String(endpoint.port),
        ConnectionStringType: endpoint.connectionStringType,
        VPCId: endpoint.ipType === 'Private' ? 'vpc-bp1sandbox' : '',
        VSwitchId: endpoint.ipType === 'Private' ? 'vsw-bp1sandbox' : '',
        Upgradeable: 'Disabled',
        SecurityIPGroups: { securityIPGroup: [{ SecurityIPGroupName: 'default', SecurityIPs: '127.0.0.1' }] },
      })),
    },
  };
}
