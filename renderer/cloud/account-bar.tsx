import { Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { RdsAccountView } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { focusOnOpen } from '../common/focus-on-open';
import { failureLine } from '../errors';
import { useT } from '../i18n';

/** The account picker, "Add AccessKey…" and "Try the local sandbox". */
export function AccountBar({
  accounts,
  account,
  onPick,
  onAdded,
}: {
  accounts: RdsAccountView[];
  account: RdsAccountView | null;
  onPick: (id: string) => void;
  onAdded: (id: string) => void;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function trySandbox() {
    setStarting(true);
    setProblem(null);
    const answer = await api['rds:sandbox-start']({});
    setStarting(false);
    if (answer.ok) onAdded(answer.value.id);
    else setProblem(failureLine(answer.error));
  }
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text id="cloud-account-label">{t('cloud.account')}</Typography.Text>
      <Select
        aria-labelledby="cloud-account-label"
        style={{ minWidth: 360 }}
        value={account?.id}
        onChange={onPick}
        options={accounts.map((item) => ({
          value: item.id,
          label:
            item.kind === 'sandbox'
              ? `${t('cloud.kind.sandbox')} (${item.accessKeyId})`
              : `${item.name} (${t(`cloud.kind.${item.kind}` as const)}, ${item.accessKeyId})`,
        }))}
      />
      <Button onClick={() => setAdding(true)}>{t('cloud.addAccount')}</Button>
      <BusyButton onClick={() => void trySandbox()} busy={starting}>
        {t('cloud.trySandbox')}
      </BusyButton>
      {starting && <Typography.Text type="secondary">{t('cloud.sandboxStarting')}</Typography.Text>}
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      {adding && (
        <AddAccountDialog
          onClose={(id) => {
            setAdding(false);
            if (id) onAdded(id);
          }}
        />
      )}
    </Flex>
  );
}

/** What an endpoint override looks like. */
const endpointExample = 'https://rds.aliyuncs.com';

/** Add an AccessKey profile: the secret goes to the vault in the main process. */
function AddAccountDialog({ onClose }: { onClose: (id: string | null) => void }) {
  const t = useT();
  const [fields, setFields] = useState({
    name: '',
    accessKeyId: '',
    accessKeySecret: '',
    regionId: 'cn-hangzhou',
    endpoint: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  async function save() {
    const answer = await api['rds:account-add']({ ...fields, endpoint: fields.endpoint || undefined });
    if (answer.ok) return onClose(answer.value.id);
    setProblem(failureLine(answer.error));
  }
  const ready = fields.name && fields.accessKeyId && fields.accessKeySecret && fields.regionId;
  return (
    <Modal
      open
      title={t('cloud.addAccountTitle')}
      okButtonProps={{ disabled: !ready }}
      onOk={() => void save()}
      onCancel={() => onClose(null)}
      afterOpenChange={focusOnOpen('cloud-profile-name')}
      cancelText={t('common.cancel')}
      okText={t('common.ok')}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('cloud.profileName')} htmlFor="cloud-profile-name">
          <Input id="cloud-profile-name" value={fields.name} onChange={set('name')} autoFocus />
        </Form.Item>
        <Form.Item label={t('cloud.accessKeyId')} htmlFor="cloud-access-key-id">
          <Input id="cloud-access-key-id" value={fields.accessKeyId} onChange={set('accessKeyId')} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('cloud.accessKeySecret')} htmlFor="cloud-access-key-secret" help={t('cloud.secretNote')}>
          <Input.Password
            id="cloud-access-key-secret"
            value={fields.accessKeySecret}
            onChange={set('accessKeySecret')}
          />
        </Form.Item>
        <Form.Item label={t('cloud.defaultRegion')} htmlFor="cloud-default-region">
          <Input id="cloud-default-region" value={fields.regionId} onChange={set('regionId')} />
        </Form.Item>
        <Form.Item label={t('cloud.apiEndpoint')} htmlFor="cloud-api-endpoint">
          <Input
            id="cloud-api-endpoint"
            value={fields.endpoint}
            onChange={set('endpoint')}
            placeholder={endpointExample}
          />
        </Form.Item>
      </Form>
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </Modal>
  );
}
