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
  /** The RegionEndpoint to report for a region (the sandbox's loopback listener standing for its API host). */
  regionEndpoint?: (region: SandboxRegion) => string;
}

/** Finds an instance by the DBInstanceId parameter, or answers as the service does when it is missing or unknown. */
export function requireInstance(state: SandboxReadState, parameters: ActionParameters): SandboxInstance {
  const id = parameters.DBInstanceId;
  if (!id) throw new ServiceErrorSignal('MissingParameter', 'DBInstanceId');
  const instance = state.instances.get(id);
  if (!instance) throw new ServiceErrorSignal('InvalidDBInstanceId.NotFound');
  return instance;
}

/**
 * DescribeRegions: one RDSRegion item per zone, as the service lists them. LocalName follows AcceptLanguage
 * (`zh-CN` or `en-US`, default `en-US`: the DescribeRegions reference and the SDK's request model).
 */
export function describeRegions(state: SandboxReadState, parameters: ActionParameters = {}): ActionBody {
  const language = parameters.AcceptLanguage ?? 'en-US';
  if (language !== 'en-US' && language !== 'zh-CN') throw new ServiceErrorSignal('InvalidParameter', 'AcceptLanguage');
  const items = state.regions.flatMap((region) =>
    region.zoneIds.map((zoneId) => ({
      RegionId: region.regionId,
      ZoneId: zoneId,
      LocalName: language === 'zh-CN' ? region.localName : region.localNameEn,
      ZoneName: zoneId,
      RegionEndpoint: state.regionEndpoint?.(region) ?? 'rds.aliyuncs.com',
    })),
  );
  return { Regions: { RDSRegion: items } };
}

function summary(state: SandboxReadState, instance: SandboxInstance): Record<string, unknown> {
  const normal = instance.endpoints.find((endpoint) => endpoint.ipType !== 'Public');
  const readOnlyIds = [...state.instances.values()]
    .filter((item) => item.primaryInstanceId === instance.instanceId)
    .map((item) => ({ DBInstanceId: item.instanceId }));
  const vpc = instance.networkType === 'VPC';
  return {
    DBInstanceId: instance.instanceId,
    DBInstanceDescription: instance.description,
    RegionId: instance.regionId,
    ZoneId: instance.zoneId,
    Engine: instance.engine,
    EngineVersion: instance.engineVersion,
    DBInstanceStatus: instance.status,
    // DescribeDBInstances lists read-only instances beside primaries, with DBInstanceType Readonly and
    // MasterInstanceId (DescribeDBInstances reference; the Terraform provider's read-only instance resource).
    DBInstanceType: instance.instanceType,
    MasterInstanceId: instance.primaryInstanceId ?? '',
    DBInstanceClass: instance.instanceClass,
    DBInstanceStorageType: instance.storageType,
    DBInstanceNetType: 'Intranet',
    Category: instance.category,
    InstanceNetworkType: instance.networkType,
    PayType: 'Postpaid',
    LockMode: 'Unlock',
    ConnectionMode: 'Standard',
    ConnectionString: normal?.host ?? '',
    CreateTime: instance.createdAt,
    ExpireTime: '',
    MutriORsignle: false,
    ResourceGroupId: 'rg-acfmsandbox',
    VpcId: vpc ? 'vpc-bp1sandbox' : '',
    VSwitchId: vpc ? 'vsw-bp1sandbox' : '',
    ReadOnlyDBInstanceIds: { ReadOnlyDBInstanceId: readOnlyIds },
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
    Items: { DBInstance: page.map((instance) => summary(state, instance)) },
    PageNumber: pageNumber,
    PageRecordCount: page.length,
    TotalRecordCount: matching.length,
  };
}

/** DescribeDBInstanceAttribute: the detailed attributes of one instance. */
export function describeAttribute(state: SandboxReadState, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(state, parameters);
  const normal = instance.endpoints.find((endpoint) => endpoint.ipType !== 'Public');
  return {
    Items: {
      DBInstanceAttribute: [
        {
          ...summary(state, instance),
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

/** DescribeDBInstanceNetInfo: the endpoints of an instance (classic network: IPType Inner; PGBouncerPort when set). */
export function describeNetInfo(state: SandboxReadState, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(state, parameters);
  return {
    InstanceNetworkType: instance.networkType,
    SecurityIPMode: 'normal',
    DBInstanceNetInfos: {
      DBInstanceNetInfo: instance.endpoints.map((endpoint) => ({
        ConnectionString: endpoint.host,
        IPAddress: endpoint.ipAddress,
        IPType: endpoint.ipType,
        Port: String(endpoint.port),
        ...(endpoint.pgBouncerPort ? { PGBouncerPort: String(endpoint.pgBouncerPort) } : {}),
        ConnectionStringType: endpoint.connectionStringType,
        VPCId: endpoint.ipType === 'Private' ? 'vpc-bp1sandbox' : '',
        VSwitchId: endpoint.ipType === 'Private' ? 'vsw-bp1sandbox' : '',
        Upgradeable: 'Disabled',
        SecurityIPGroups: { securityIPGroup: [{ SecurityIPGroupName: 'default', SecurityIPs: '127.0.0.1' }] },
      })),
    },
  };
}
