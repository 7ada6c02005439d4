import { Alert, Descriptions, Flex, Modal } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HbaItem, SslEnforcementPlan } from '../../shared/contract/rds-connect';
import { api } from '../api/bridge';
import { BusyButton, busyProps } from '../common/busy-button';
import { useT } from '../i18n';
import { type ChangeEnd, useChangeStart } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { ChangeFailure, InstanceChangeProgress } from './flow-progress';
import { useRdsAction } from './use-rds-action';

const entry = (item: HbaItem) =>
  [item.type, item.database, item.user, item.address, item.mask, item.method, item.option].filter(Boolean).join(' ');

/** Whether the instance still accepts plain (non-SSL) connections, read from its pg_hba plan; null until known. */
export function usePlainAccepted(target: InstanceTarget) {
  const [plainAccepted, setPlainAccepted] = useState<boolean | null>(null);
  const { run } = useRdsAction();
  const load = useCallback(async () => {
    const planned = await run(() => api['rds:ssl-enforcement-plan']({ ...target, enforce: true }));
    if (planned) setPlainAccepted(planned.plainAcceptedBefore);
  }, [target, run]);
  useEffect(() => void load(), [load]);
  return { plainAccepted, setPlainAccepted };
}

/** The warning at the top of the SSL page when SSL is on but plain connections are still accepted. */
export function NotEnforcedWarning({
  sslEnabled,
  plainAccepted,
}: {
  sslEnabled: boolean;
  plainAccepted: boolean | null;
}) {
  const t = useT();
  if (!sslEnabled || !plainAccepted) return null;
  return <Alert type="warning" showIcon title={t('connect.notEnforcedWarning')} data-testid="not-enforced-warning" />;
}

/**
 * Enforced SSL: whether plain connections are still accepted, and the pg_hba change that enforces SSL or stops
 * enforcing it, shown before it is applied (a reload, no restart), then its progress until the new entries run.
 */
export function EnforcementSection({
  target,
  plainAccepted,
  onApplied,
}: {
  target: InstanceTarget;
  plainAccepted: boolean | null;
  onApplied: (plainAccepted: boolean) => void;
}) {
  const t = useT();
  const [plan, setPlan] = useState<SslEnforcementPlan | null>(null);
  const { busy, problem, run, running, failure, start, ended } = useChangeStart(target);
  async function preview(enforce: boolean) {
    const planned = await run(() => api['rds:ssl-enforcement-plan']({ ...target, enforce }));
    if (planned) setPlan(planned);
  }
  async function apply() {
    if (!plan) return;
    await start('ssl_enforce', () => api['rds:ssl-enforce']({ ...target, enforce: plan.enforce }));
    setPlan(null);
  }
  function applied(end: ChangeEnd) {
    const status = ended(end);
    if (status?.enforcement) onApplied(status.enforcement.plainAcceptedAfter);
  }
  const answer = (yes: boolean) => (yes ? t('connect.yes') : t('connect.no'));
  return (
    <Flex vertical gap={12} data-testid="ssl-enforcement">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'plain',
            label: t('connect.plainAccepted'),
            children: <span data-testid="plain-accepted">{plainAccepted === null ? '' : answer(plainAccepted)}</span>,
          },
        ]}
      />
      <Flex gap={8}>
        <BusyButton
          type="primary"
          busy={busy}
          disabled={plainAccepted === false || running !== null}
          onClick={() => void preview(true)}
        >
          {t('connect.enforce')}
        </BusyButton>
        <BusyButton
          busy={busy}
          disabled={plainAccepted !== false || running !== null}
          onClick={() => void preview(false)}
        >
          {t('connect.unenforce')}
        </BusyButton>
      </Flex>
      <InstanceChangeProgress target={target} kinds={['ssl_enforce']} onDone={applied} />
      <ChangeFailure failure={failure} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Modal
        open={plan !== null}
        title={t('connect.enforceTitle')}
        okText={t('connect.apply')}
        okButtonProps={{ disabled: plan?.changes.length === 0, ...busyProps(busy) }}
        confirmLoading={busy}
        onOk={() => void apply()}
        onCancel={() => setPlan(null)}
      >
        {plan && (
          <Flex vertical gap={8} data-testid="enforcement-plan">
            {plan.changes.length === 0 && <span>{t('connect.nothingToChange')}</span>}
            {plan.changes.map((change) => (
              <code
                key={change.before.priorityId}
              >{`#${change.before.priorityId}: ${entry(change.before)}  →  ${entry(change.after)}`}</code>
            ))}
            <span>{t('connect.plainAfter', { answer: answer(plan.plainAcceptedAfter) })}</span>
            <Alert type="info" title={t('connect.reloadNote')} />
            {plan.clientCaNote && <Alert type="info" title={plan.clientCaNote} />}
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
