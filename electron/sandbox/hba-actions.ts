import type { SandboxHbaItem } from './connect-state';
import type { PublicEndpointContext } from './public-endpoint-actions';
import { type ActionBody, type ActionParameters, requireInstance } from './read-actions';
import { ServiceErrorSignal } from './service-errors';

const wireFields = ['PriorityId', 'Type', 'Database', 'User', 'Address', 'Mask', 'Method', 'Option'] as const;

function toWire(item: SandboxHbaItem): Record<string, unknown> {
  return {
    PriorityId: item.priorityId,
    Type: item.type,
    Database: item.database,
    User: item.user,
    Address: item.address,
    Mask: item.mask,
    Method: item.method,
    Option: item.option,
  };
}

/** The HbaItem.N.Field parameters of ModifyPGHbaConfig (the SDK flattens the list this way), in order. */
function itemsFrom(parameters: ActionParameters): SandboxHbaItem[] {
  const items: SandboxHbaItem[] = [];
  for (let index = 1; parameters[`HbaItem.${index}.Type`] !== undefined; index++) {
    const field = (name: (typeof wireFields)[number]) => parameters[`HbaItem.${index}.${name}`] ?? '';
    const priorityId = Number(field('PriorityId'));
    // Required fields and values as the reference lists them: Type host/hostssl/hostnossl/local, a PriorityId.
    if (!['host', 'hostssl', 'hostnossl', 'local'].includes(field('Type'))) {
      throw new ServiceErrorSignal('InvalidParameter', `HbaItem.${index}.Type`);
    }
    if (!Number.isInteger(priorityId)) throw new ServiceErrorSignal('InvalidParameter', `HbaItem.${index}.PriorityId`);
    for (const name of ['Database', 'User', 'Address', 'Method'] as const) {
      if (!field(name)) throw new ServiceErrorSignal('MissingParameter', `HbaItem.${index}.${name}`);
    }
    items.push({
      priorityId,
      type: field('Type'),
      database: field('Database'),
      user: field('User'),
      address: field('Address'),
      mask: field('Mask'),
      method: field('Method'),
      option: field('Option'),
    });
  }
  if (items.length === 0) throw new ServiceErrorSignal('MissingParameter', 'HbaItem');
  return items;
}

/** DescribePGHbaConfig (API reference: DescribePGHbaConfig): the running and default entries and the last change. */
export function describePgHbaConfig(context: PublicEndpointContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  if (instance.engine !== 'PostgreSQL') throw new ServiceErrorSignal('InstanceEngineType.NotSupport');
  const record = context.connect.of(instance);
  return {
    DBInstanceId: instance.instanceId,
    HbaModifyTime: record.hbaModifyTime,
    LastModifyStatus: record.hbaModifyStatus,
    ModifyStatusReason: '',
    RunningHbaItems: { HbaItem: record.hba.map(toWire) },
    DefaultHbaItems: { HbaItem: [] },
  };
}

/**
 * ModifyPGHbaConfig (API reference: ModifyPGHbaConfig): OpsType add, modify or delete entries by PriorityId, or
 * update (replace them all). Asynchronous, like every change the service accepts: first the old entries and the
 * old LastModifyStatus (even a `failed` from an earlier change) still show, then `setting`, then the new entries
 * run and it shows `success` with a new HbaModifyTime; the instance stays Running (pg_hba changes need a reload,
 * not a restart — inferred from PostgreSQL). Each phase lasts the sandbox's network-change delay (a guess).
 */
export function modifyPgHbaConfig(context: PublicEndpointContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  if (instance.engine !== 'PostgreSQL') throw new ServiceErrorSignal('InstanceEngineType.NotSupport');
  const record = context.connect.of(instance);
  if (instance.status !== 'Running' || record.hbaPending) {
    throw new ServiceErrorSignal('IncorrectDBInstanceState');
  }
  const opsType = parameters.OpsType;
  if (!opsType) throw new ServiceErrorSignal('MissingParameter', 'OpsType');
  if (!['add', 'modify', 'delete', 'update'].includes(opsType))
    throw new ServiceErrorSignal('InvalidParameter', 'OpsType');
  const items = itemsFrom(parameters);
  const byId = new Map(record.hba.map((item) => [item.priorityId, item]));
  if (opsType === 'update') byId.clear();
  for (const item of items) {
    if (opsType === 'add' && byId.has(item.priorityId)) {
      throw new ServiceErrorSignal('InvalidParameter', 'PriorityId');
    }
    if ((opsType === 'modify' || opsType === 'delete') && !byId.has(item.priorityId)) {
      throw new ServiceErrorSignal('InvalidParameter', 'PriorityId');
    }
    if (opsType === 'delete') byId.delete(item.priorityId);
    else byId.set(item.priorityId, item);
  }
  const next = [...byId.values()].sort((left, right) => left.priorityId - right.priorityId);
  record.hbaPending = true;
  const finish = (status: 'success' | 'failed') => {
    record.hbaModifyStatus = status;
    record.hbaModifyTime = `${new Date().toISOString().slice(0, 19)}Z`;
    record.hbaPending = false;
  };
  context.netChange(instance, null, () => {
    record.hbaModifyStatus = 'setting';
    context.netChange(instance, null, () => {
      record.hba = next;
      context.connectChanged(instance).then(
        () => finish('success'),
        () => finish('failed'),
      );
    });
  });
  return { DBInstanceId: instance.instanceId };
}
