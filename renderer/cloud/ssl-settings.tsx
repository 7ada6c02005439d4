import { Alert, Button, Descriptions, Divider, Flex, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type SslChange, sslChangeKinds } from '../../shared/contract/rds';
import type { ServerForm } from '../../shared/contract/server-form';
import { daysUntil } from '../../shared/rds-audit';
import { storageTypeName } from '../../shared/rds-console-names';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { failureLine } from '../errors';
import { type MessageKey, useLocale, useT } from '../i18n';
import { expiryColor } from './audit-filters';
import { CaDownloadResult, type CaFiles } from './ca-download-result';
import { type ChangeEnd, useInstanceChange } from './change-jobs';
import { ClientCaSection } from './client-ca-section';
import type { ChosenAccount } from './connect-account';
import { CustomCertificateForm } from './custom-certificate-form';
import { EndpointDialog } from './endpoint-dialog';
import { InstanceChangeProgress } from './flow-progress';
import type { InstanceSectionProps } from './instance-section';
import { RegisterAccount } from './register-account';
import { ScheduledRenewal } from './scheduled-renewal';

type Outcome = { kind: 'done' } | { kind: 'failed' | 'cancelled'; message: string } | null;

/** Data Security > SSL: certificate source, protected endpoint, expiry, CA download, disable, client CA, register. */
export function SslSettings({
  target,
  details,
  onChanged,
  onRegister,
}: InstanceSectionProps & { onRegister: (form: ServerForm) => void }) {
  const t = useT();
  const locale = useLocale();
  const { ssl, instance, choices, problems } = details;
  const [source, setSource] = useState<'aliyun' | 'custom'>(ssl.caType ?? 'aliyun');
  const [choosing, setChoosing] = useState(false);
  const [pending, setPending] = useState<SslChange | null>(null);
  const { running, begin } = useInstanceChange(target);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [download, setDownload] = useState<CaFiles | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const failed = (error: { code: string; message: string }) => setProblem(failureLine(error));

  async function start(change: SslChange) {
    setPending(null);
    setOutcome(null);
    setProblem(null);
    const answer = await api['rds:flow-start']({ ...target, change });
    if (!answer.ok) return failed(answer.error);
    begin(answer.value.jobId, change.kind);
  }
  async function finished({ status, failure }: ChangeEnd) {
    if (status?.state === 'succeeded') setOutcome({ kind: 'done' });
    else if (status?.state === 'cancelled') setOutcome({ kind: 'cancelled', message: failure ?? '' });
    else setOutcome({ kind: 'failed', message: failure ?? '' });
    setDownload(null);
    await onChanged();
  }
  async function downloadCa(): Promise<CaFiles | null> {
    setBusy(true);
    const answer = await api['rds:ca-download'](target);
    setBusy(false);
    if (!answer.ok) {
      failed(answer.error);
      return null;
    }
    setDownload(answer.value);
    return answer.value;
  }
  async function register(account: ChosenAccount) {
    setPicking(false);
    const files = download ?? (await downloadCa());
    if (!files || !ssl.protectedEndpoint) return;
    const answer = await api['rds:register-form']({
      ...target,
      endpoint: ssl.protectedEndpoint,
      rootCertificatePath: files.rootCertificatePath,
      username: account.name,
    });
    if (answer.ok)
      onRegister({ ...answer.value.form, password: account.password, savePassword: account.password !== '' });
    else failed(answer.error);
  }

  if (problems.length > 0) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('cloud.unavailable')}
        description={
          <ul data-testid="ssl-unavailable">
            {problems.map((item) => (
              <li key={item.reason}>
                {t(`cloud.reason.${item.reason}` as MessageKey, {
                  version: instance.engineVersion,
                  storage: storageTypeName(instance.storageType, locale),
                })}
              </li>
            ))}
          </ul>
        }
      />
    );
  }
  const daysLeft = daysUntil(ssl.expiresAt, new Date());
  const expiry = ssl.expiresAt
    ? daysLeft !== null && daysLeft < 0
      ? t('cloud.expiredOn', { date: ssl.expiresAt.slice(0, 10) })
      : t('cloud.daysLeft', { date: ssl.expiresAt.slice(0, 10), days: daysLeft ?? 0 })
    : null;
  const idle = running === null;
  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        column={1}
        size="small"
        items={[
          {
            key: 'enabled',
            label: t('cloud.sslEncryption'),
            children: (
              <Tag color={ssl.enabled ? 'green' : 'default'} data-testid="ssl-state">
                {t(ssl.enabled ? 'cloud.enabled' : 'cloud.disabled')}
              </Tag>
            ),
          },
          {
            key: 'source',
            label: t('rds.certificateSource'),
            children: (
              <Radio.Group
                value={source}
                onChange={(event) => setSource(event.target.value)}
                options={[
                  { value: 'aliyun', label: t('rds.cloudCertificate') },
                  { value: 'custom', label: t('rds.customCertificate') },
                ]}
              />
            ),
          },
          { key: 'endpoint', label: t('rds.protectedEndpoint'), children: ssl.protectedEndpoint ?? t('common.none') },
          {
            key: 'expiry',
            label: t('cloud.expiresAt'),
            children: expiry ? <Tag color={expiryColor(daysLeft)}>{expiry}</Tag> : t('common.none'),
          },
          {
            key: 'renewal',
            label: t('cloud.renewal'),
            children: ssl.enabled
              ? ssl.requireUpdate
                ? t('cloud.renewalNeeded', { reason: ssl.requireUpdateReason ?? '' })
                : t('cloud.renewalNotNeeded')
              : t('common.none'),
          },
          {
            key: 'scheduled',
            label: t('cloud.scheduledRenewal'),
            children: <ScheduledRenewal renewal={details.renewal} />,
          },
        ]}
      />
      {source === 'aliyun' ? (
        <Flex gap={8} wrap>
          <Button type="primary" disabled={!idle} onClick={() => setChoosing(true)}>
            {t('rds.configureCertificate')}
          </Button>
          {ssl.enabled && ssl.caType === 'aliyun' && (
            <Button disabled={!idle} onClick={() => setPending({ kind: 'renew' })}>
              {t('cloud.renew')}
            </Button>
          )}
        </Flex>
      ) : (
        <CustomCertificateForm
          choices={choices}
          disabled={!idle}
          onApply={(endpoint, certificatePem, keyPem, endpoints) =>
            setPending({ kind: 'custom_certificate', endpoint, certificatePem, keyPem, endpoints })
          }
        />
      )}
      {ssl.enabled && (
        <Flex gap={8} wrap>
          {ssl.caType === 'aliyun' && (
            <BusyButton busy={busy} disabled={!idle} onClick={() => void downloadCa()}>
              {t('rds.downloadCaCertificate')}
            </BusyButton>
          )}
          <RegisterAccount
            target={target}
            open={picking}
            onChosen={(account) => void register(account)}
            onCancel={() => setPicking(false)}
          />
          <Button disabled={!idle} onClick={() => setPicking(true)}>
            {t('cloud.register')}
          </Button>
          <Button danger disabled={!idle} onClick={() => setPending({ kind: 'disable' })}>
            {t('rds.disableSsl')}
          </Button>
        </Flex>
      )}
      <InstanceChangeProgress target={target} kinds={sslChangeKinds} onDone={(end) => void finished(end)} />
      <div aria-live="polite">
        {outcome?.kind === 'done' && (
          <Alert type="success" showIcon title={t('rds.running')} description={t('cloud.reconnect')} />
        )}
        {outcome?.kind === 'cancelled' && <Alert type="warning" showIcon title={outcome.message} />}
        {outcome?.kind === 'failed' && (
          <Alert type="error" showIcon title={t('cloud.changeFailed')} description={outcome.message} />
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </div>
      {download && <CaDownloadResult files={download} />}
      {ssl.enabled && (
        <>
          <Divider titlePlacement="start">{t('rds.clientCaCertificate')}</Divider>
          <ClientCaSection ssl={ssl} engineVersion={instance.engineVersion} disabled={!idle} onChange={setPending} />
        </>
      )}
      {choosing && (
        <EndpointDialog
          choices={choices}
          current={ssl.protectedEndpoint}
          onCancel={() => setChoosing(false)}
          onChoose={(endpoint) => {
            setChoosing(false);
            setPending(ssl.enabled ? { kind: 'change_endpoint', endpoint } : { kind: 'enable', endpoint });
          }}
        />
      )}
      {pending && (
        <Modal
          open
          title={t('cloud.restartTitle')}
          okText={t('cloud.continue')}
          cancelText={t('common.cancel')}
          onOk={() => void start(pending)}
          onCancel={() => setPending(null)}
        >
          <Typography.Paragraph>{t('cloud.restartWarning')}</Typography.Paragraph>
        </Modal>
      )}
    </Flex>
  );
}
