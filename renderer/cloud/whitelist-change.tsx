import { Alert, Button, Descriptions, Flex, Form, Modal } from 'antd';
import { useState } from 'react';
import type { WhitelistChangeResult } from '../../shared/contract/rds-connect';
import { api } from '../api/bridge';
import { BusyButton, busyProps } from '../common/busy-button';
import { useT } from '../i18n';
import { AddressField } from './address-field';
import type { InstanceTarget } from './cloud-view';
import { useRdsAction } from './use-rds-action';

/**
 * Adds (or removes) this computer's address in the app's own whitelist group: the user types the address (it
 * cannot be seen from inside the machine), may take the one the last failed connection came from, and sees the
 * group before and after before anything changes.
 */
export function WhitelistChange({
  target,
  suggested,
  initial,
  onDone,
}: {
  target: InstanceTarget;
  suggested?: string | null;
  initial?: string;
  onDone: (address: string) => void;
}) {
  const t = useT();
  const [address, setAddress] = useState(initial ?? '');
  const [plan, setPlan] = useState<WhitelistChangeResult | null>(null);
  const { busy, problem, run } = useRdsAction();
  const request = (action: 'add' | 'remove') => ({ ...target, action, address: address.trim() });
  async function preview(action: 'add' | 'remove') {
    const planned = await run(() => api['rds:whitelist-plan'](request(action)));
    if (planned) setPlan(planned);
  }
  async function apply() {
    if (!plan) return;
    const changed = await run(() => api['rds:whitelist-change'](request(plan.plan.action)));
    setPlan(null);
    if (changed) onDone(changed.plan.address);
  }
  const list = (ips: string[]) => (ips.length ? ips.join(', ') : t('connect.empty'));
  return (
    <Flex vertical gap={8}>
      <Form layout="vertical" onSubmitCapture={(event) => event.preventDefault()}>
        <AddressField value={address} onChange={setAddress} withHelp />
      </Form>
      {suggested && suggested !== address && (
        <Button type="link" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setAddress(suggested)}>
          {t('connect.useFailedAddress', { address: suggested })}
        </Button>
      )}
      <Flex gap={8}>
        <BusyButton type="primary" disabled={!address.trim()} busy={busy} onClick={() => void preview('add')}>
          {t('connect.addAddress')}
        </BusyButton>
        <BusyButton disabled={!address.trim()} busy={busy} onClick={() => void preview('remove')}>
          {t('connect.removeAddress')}
        </BusyButton>
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Modal
        open={plan !== null}
        title={plan ? t('connect.whitelistPlanTitle', { group: plan.plan.group }) : ''}
        okText={t('connect.apply')}
        confirmLoading={busy}
        okButtonProps={busyProps(busy)}
        onOk={() => void apply()}
        onCancel={() => setPlan(null)}
      >
        {plan && (
          <Flex vertical gap={8} data-testid="whitelist-plan">
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'before', label: t('connect.before'), children: list(plan.plan.before) },
                { key: 'after', label: t('connect.after'), children: list(plan.plan.after) },
              ]}
            />
            {!plan.plan.changed && (
              <Alert
                type="info"
                title={t('connect.planUnchanged', { address: plan.plan.address, group: plan.plan.group })}
              />
            )}
            {plan.plan.action === 'remove' && plan.plan.allowedAfter && (
              <Alert type="warning" title={t('connect.stillAllowed', { address: plan.plan.address })} />
            )}
            <Alert type="info" title={t('connect.ownGroupNote', { group: plan.plan.group })} />
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
