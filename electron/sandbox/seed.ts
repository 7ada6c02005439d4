import { type SandboxEndpoint, type SandboxInstance, type SandboxRegion, sslOff } from './model';

/** The regions every sandbox starts with. */
export const seededRegions: SandboxRegion[] = [
  { regionId: 'cn-hangzhou', localName: '华东 1（杭州）', zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'] },
  { regionId: 'cn-shanghai', localName: '华东 2（上海）', zoneIds: ['cn-shanghai-l'] },
  { regionId: 'ap-southeast-1', localName: '新加坡', zoneIds: ['ap-southeast-1c'] },
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
}

/** The internal, public and read/write-splitting endpoints an instance gets, named as RDS names them. */
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
      ipType: 'Private',
      connectionStringType: 'Normal',
    },
  ];
  if (input.publicEndpoint) {
    endpoints.push({
      host: `${id}o.${domain}`,
      port,
      ipAddress: `47.98.10.${octet}`,
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
      id: 'pgm-bp1sandbox10pg',
      region: 'cn-hangzhou',
      version: '10.0',
      storage: 'cloud_ssd',
      description: 'legacy (PostgreSQL 10, internal only)',
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
    regionList.push({ regionId, localName: `Sandbox ${regionIndex + 1}`, zoneIds: [`${regionId}a`] });
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
