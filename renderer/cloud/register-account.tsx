import { Button, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import type { InstanceTarget } from './cloud-view';
import { type ChosenAccount, ConnectAccount } from './connect-account';

/**
 * "Register this instance as a server" asks first which account to connect as: one of the instance's accounts or a
 * new one — never postgres, which RDS users cannot log in as.
 */
export function RegisterAccount({
  target,
  open,
  onChosen,
  onCancel,
}: {
  target: InstanceTarget;
  open: boolean;
  onChosen: (account: ChosenAccount) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [account, setAccount] = useState<ChosenAccount | null>(null);
  return (
    <Modal
      open={open}
      width={820}
      destroyOnHidden
      title={t('connect.registerAs')}
      onCancel={onCancel}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!account} onClick={() => account && onChosen(account)}>
            {t('cloud.register')}
          </Button>
        </Flex>
      }
    >
      <ConnectAccount target={target} chosen={account} onChosen={setAccount} />
    </Modal>
  );
}
