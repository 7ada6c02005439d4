import { type SandboxEndpoint, type SandboxInstance, type SandboxRegion, sslOff } from './model';

// Region names as DescribeRegions gives them per AcceptLanguage (en-US is the documented default). Endpoints follow
// the API reference's "Endpoints" page (api-rds-2014-08-15-endpoint): Hangzhou and Shanghai share rds.aliyuncs.com,
// Tokyo has rds.ap-northeast-1.aliyuncs.com. Singapore is listed both ways (the SDK's endpoint map and the older
// "Request structure" page: rds.aliyuncs.com; the newer Endpoints page: its own); the sandbox keeps the shared one.
/** The regions every sandbox starts with. */
export const seededRegions: SandboxRegion[] = [
  {
    regionId: 'cn-hangzhou',
    localName: '华东 1（杭州）',
    localNameEn: 'China (Hangzhou)',
    zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'],
    ownEndpoint: false,
  },
  {
    regionId: 'cn-shanghai',
    localName: '华东 2（上海）',
    localNameEn: 'China (Shanghai)',
    zoneIds: ['cn-shanghai-l'],
    ownEndpoint: false,
  },
  {
    regionId: 'ap-southeast-1',
    localName: '新加坡',
    localNameEn: 'Singapore',
    zoneIds: ['ap-southeast-1c'],
    ownEndpoint: false,
  },
  {
    regionId: 'ap-northeast-1',
    localName: '日本（东京）',
    localNameEn: 'Japan (Tokyo)',
    zoneIds: ['ap-northeast-1a'],
    ownEndpoint: true,
  },
];

/** The instance the `--postgres` option backs with a real local cluster: PostgreSQL 16 with both endpoints. */
export const postgresBackedInstanceId = 'pgm-bp1sandbox16pg';

interface SeedInput {
  id: string;
  region: string;
  engine?: 'PostgreSQL' | 'MySQL';
  version: string;
  storage: string;
  category?: string;
  description: string;
  publicEndpoint?: boolean;
  readWriteSplitting?: boolean;
  /** A read-only instance of this primary (DBInstanceType Readonly, MasterInstanceId). */
  primary?: string;
  /** On the classic network: internal endpoints have IPType Inner instead of Private. */
  classic?: boolean;
  /** The PgBouncer port DescribeDBInstanceNetInfo reports as PGBouncerPort. */
  pgBouncerPort?: number;
}

/**
 * The internal, public and read/write-splitting endpoints an instance gets, named as RDS names them. Public
 * addresses come from TEST-NET-1 (192.0.2.0/24, RFC 5737), which is never routed: a probe of one goes nowhere.
 */
export function endpointsFor(
  id: string,
  engine: string,
  ordinal: number,
  input: Partial<SeedInput>,
): SandboxEndpoint[] {
  const domain = engine === 'MySQL' ? 'mysql.rds.aliyuncs.com' : 'pg.rds.aliyuncs.com';
  const port = engine === 'MySQL' ? 3306 : 5432;
  const octet = (ordinal % 250) + 2;
  const endpoints: SandboxEndpoint[] = [
    {
      host: `${id}.${domain}`,
      port,
      ipAddress: `172.16.0.${octet}`,
      ipType: input.classic ? 'Inner' : 'Private',
      connectionStringType: 'Normal',
      ...(input.pgBouncerPort ? { pgBouncerPort: input.pgBouncerPort } : {}),
    },
  ];
  if (input.publicEndpoint) {
    endpoints.push({
      host: `${id}o.${domain}`,
      port,
      ipAddress: `192.0.2.${octet}`,
      ipType: 'Public',
      connectionStringType: 'Normal',
    });
  }
  if (input.readWriteSplitting) {
    endpoints.push({
      host: `${id}rw.${domain}`,
      port: port + 1,
      ipAddress: `172.16.1.${octet}`,
      ipType: 'Private',
      connectionStringType: 'ReadWriteSplitting',
    });
  }
  return endpoints;
}

function instance(input: SeedInput, ordinal: number): SandboxInstance {
  const engine = input.engine ?? 'PostgreSQL';
  const region = seededRegions.find((item) => item.regionId === input.region);
  return {
    instanceId: input.id,
    regionId: input.region,
    zoneId: region?.zoneIds[0] ?? `${input.region}-a`,
    description: input.description,
    engine,
    engineVersion: input.version,
    category: input.category ?? 'HighAvailability',
    storageType: input.storage,
    instanceClass: engine === 'MySQL' ? 'mysql.n2.medium.2c' : 'pg.n2.2c.2m',
    status: 'Running',
    createdAt: '2025-03-14T02:30:00Z',
    instanceType: input.primary ? 'Readonly' : 'Primary',
    primaryInstanceId: input.primary ?? null,
    networkType: input.classic ? 'Classic' : 'VPC',
    endpoints: endpointsFor(input.id, engine, ordinal, input),
    ssl: sslOff(),
  };
}

/** The seeded instances: PostgreSQL 9.4, 10, 14 and 16, cloud and local disks, one Serverless, one MySQL. */
export function seededInstances(): SandboxInstance[] {
  const inputs: SeedInput[] = [
    {
      id: postgresBackedInstanceId,
      region: 'cn-hangzhou',
      version: '16.0',
      storage: 'cloud_essd',
      description: 'orders (PostgreSQL 16, ESSD)',
      publicEndpoint: true,
    },
    {
      id: 'pgm-bp1sandbox14rw',
      region: 'cn-hangzhou',
      version: '14.0',
      storage: 'cloud_essd',
      description: 'analytics (PostgreSQL 14, read/write splitting)',
      publicEndpoint: true,
      readWriteSplitting: true,
    },
    {
      id: 'pgr-bp1sandbox16ro',
      region: 'cn-hangzhou',
      version: '16.0',
      storage: 'cloud_essd',
      category: 'Basic',
      description: 'orders-ro (read-only instance of orders)',
      primary: postgresBackedInstanceId,
      publicEndpoint: true,
    },
    {
      id: 'pgm-bp1sandbox10pg',
      region: 'cn-hangzhou',
      version: '10.0',
      storage: 'cloud_ssd',
      description: 'legacy (PostgreSQL 10, classic network, internal only)',
      classic: true,
    },
    {
      id: 'pgm-bp1sandbox94pg',
      region: 'cn-hangzhou',
      version: '9.4',
      storage: 'local_ssd',
      description: 'archive (PostgreSQL 9.4, local SSD)',
    },
    {
      id: 'pgm-bp1sandbox14ld',
      region: 'cn-hangzhou',
      version: '14.0',
      storage: 'local_ssd',
      description: 'reports (PostgreSQL 14, local SSD)',
      publicEndpoint: true,
      // PGBouncerPort is a documented NetInfo field; that a local-disk instance carries it is a guess.
      pgBouncerPort: 6432,
    },
    {
      id: 'pgm-bp1sandbox14sl',
      region: 'cn-hangzhou',
      version: '14.0',
      storage: 'cloud_essd',
      category: 'serverless_basic',
      description: 'preview (PostgreSQL 14, Serverless)',
    },
    {
      id: 'rm-bp1sandboxmysql8',
      region: 'cn-hangzhou',
      engine: 'MySQL',
      version: '8.0',
      storage: 'cloud_essd',
      description: 'shop (MySQL 8.0)',
      publicEndpoint: true,
    },
    {
      id: 'pgm-uf6sandbox16pg',
      region: 'cn-shanghai',
      version: '16.0',
      storage: 'cloud_essd',
      category: 'Basic',
      description: 'billing (PostgreSQL 16, Shanghai)',
      publicEndpoint: true,
    },
    {
      id: 'pgm-6wesandbox15pg',
      region: 'ap-northeast-1',
      version: '15.0',
      storage: 'cloud_essd',
      description: 'tokyo (PostgreSQL 15, served on the regional endpoint)',
      publicEndpoint: true,
    },
  ];
  return inputs.map(instance);
}

/** A generated fleet for load tests: `regions` regions with `perRegion` PostgreSQL instances each. */
export function generatedFleet(
  regions: number,
  perRegion: number,
): { regions: SandboxRegion[]; instances: SandboxInstance[] } {
  const regionList: SandboxRegion[] = [];
  const instances: SandboxInstance[] = [];
  for (let regionIndex = 0; regionIndex < regions; regionIndex++) {
    const regionId = `sandbox-region-${String(regionIndex + 1).padStart(2, '0')}`;
    const localName = `Sandbox ${regionIndex + 1}`;
    regionList.push({ regionId, localName, localNameEn: localName, zoneIds: [`${regionId}a`], ownEndpoint: false });
    for (let index = 0; index < perRegion; index++) {
      const id = `pgm-r${regionIndex + 1}i${String(index + 1).padStart(4, '0')}`;
      const versions = ['10.0', '12.0', '14.0', '16.0'];
      const created = instance(
        {
          id,
          region: regionId,
          version: versions[index % versions.length] ?? '16.0',
          storage: 'cloud_essd',
          description: `generated ${index + 1}`,
          publicEndpoint: index % 2 === 0,
        },
        index,
      );
      created.zoneId = `${regionId}a`;
      instances.push(created);
    }
  }
  return { regions: regionList, instances };
}
