import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { isMessageKey, useT } from '../i18n';
import { AccountCreate } from './account-create';
import type { InstanceTarget } from './cloud-view';
import { EndpointAllocate } from './endpoint-allocate';
import type { InstanceDetails } from './instance-section';
import { SslProtect } from './ssl-protect';
import { WhitelistChange } from './whitelist-change';

/**
 * The one-click fix of a failed doctor check: a button that opens the change in a dialog, where what it will change
 * is shown before it changes anything.
 */
export function DoctorFix({
  check,
  target,
  details,
  host,
  address,
  onFixed,
}: {
  check: DoctorCheck;
  target: InstanceTarget;
  details: InstanceDetails;
  host: string | null;
  address: string;
  onFixed: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // The root certificate and the database are checked with a server's own settings: choosing one is the fix.
  if (check.name === 'root certificate' || check.name === 'database') {
    return <Typography.Text type="secondary">{t('connect.needsServer')}</Typography.Text>;
  }
  const key = `connect.fix.${check.name}`;
  if (!isMessageKey(key)) return null;
  // SSL on the endpoint needs an endpoint first; a new certificate needs SSL on (the ssl check's fix).
  if ((check.name === 'ssl' && !host) || (check.name === 'certificate' && !details.ssl.enabled)) return null;
  const done = () => {
    setOpen(false);
    onFixed();
  };
  const body = () => {
    switch (check.name) {
      case 'endpoint':
        return <EndpointAllocate target={target} onDone={done} />;
      case 'whitelist':
        return <WhitelistChange target={target} initial={address} onDone={done} />;
      case 'account':
        return <AccountCreate target={target} onDone={done} />;
      default: {
        const change =
          check.name === 'certificate'
            ? ({ kind: 'renew' } as const)
            : ({ kind: details.ssl.enabled ? 'change_endpoint' : 'enable', endpoint: host ?? '' } as const);
        return <SslProtect target={target} change={change} restartWarning={details.restartWarning} onDone={done} />;
      }
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t(key)}
      </Button>
      <Modal open={open} title={t(key)} footer={null} width={720} onCancel={() => setOpen(false)} destroyOnHidden>
        {body()}
      </Modal>
    </>
  );
}
