import type { z } from 'zod';
import type { rdsChannels } from '../../shared/contract/rds';
import type { InstanceTarget } from './cloud-view';

/** What `rds:instance` answers: the instance, its endpoints, its SSL settings and the prerequisite problems. */
export type InstanceDetails = z.infer<(typeof rdsChannels)['rds:instance']['value']>;

/** What each section of an instance's page is given: which instance, what was read of it, and how to read it again. */
export interface InstanceSectionProps {
  target: InstanceTarget;
  details: InstanceDetails;
  onChanged: () => Promise<void>;
}
