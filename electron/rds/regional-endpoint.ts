import { isLoopbackHost } from '../platform/loopback';
import type { ApiEndpoint } from './api-endpoint';

// Only RDS's own API hosts: other *.aliyuncs.com names (OSS buckets, say) can be claimed by anyone.
const aliyunHost = /^rds(\.[a-z0-9-]+)?\.aliyuncs\.com$/i;

/**
 * Where the calls of one region go. The API reference ("Endpoints") sends each region's calls to its own endpoint
 * (rds.aliyuncs.com for the shared regions, rds.<region>.aliyuncs.com for the others), and DescribeRegions names it
 * as RegionEndpoint. Without an override that endpoint is used over https (only rds[.region].aliyuncs.com: an answer
 * must not send signed calls elsewhere). With an override the override stays, except that a loopback http override
 * (the sandbox) follows a loopback RegionEndpoint: the sandbox serves each regional endpoint on a loopback port.
 * Null means "the SDK's own choice".
 */
export function regionalEndpoint(regionEndpoint: string, override: ApiEndpoint | null): ApiEndpoint | null {
  if (!regionEndpoint) return override;
  if (!override) {
    return aliyunHost.test(regionEndpoint)
      ? { host: regionEndpoint, protocol: 'https', url: `https://${regionEndpoint}` }
      : null;
  }
  if (override.protocol !== 'http') return override;
  let parsed: URL;
  try {
    parsed = new URL(`http://${regionEndpoint}`);
  } catch {
    return override;
  }
  if (!isLoopbackHost(new URL(override.url).hostname) || !isLoopbackHost(parsed.hostname)) return override;
  return { host: parsed.host, protocol: 'http', url: `http://${parsed.host}` };
}
