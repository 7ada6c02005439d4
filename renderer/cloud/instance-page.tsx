import { Alert, Button, Flex, Modal, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ServerForm } from '../../shared/contract/server-form';
import { categoryName, storageTypeName } from '../../shared/rds-console-names';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { useLocale, useT } from '../i18n';
import { AccountsSection } from './accounts-section';
import { useInstanceChange } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { ConnectFlow } from './connect-flow';
import { DoctorSection } from './doctor-section';
import { EnforcementSection, NotEnforcedWarning, usePlainAccepted } from './enforcement-section';
import { lastFailureAddress } from './failed-address';
import type { InstanceDetails } from './instance-section';
import { PublicEndpointSection } from './public-endpoint-section';
import { SslSettings } from './ssl-settings';
import { StatusTag } from './status-tag';
import { WhitelistSection } from './whitelist-section';

/** One instance's page: its status, and Data Security > SSL as in the ApsaraDB RDS console. */
export function InstancePage({
  target,
  onBack,
  onRegister,
  onConnected,
}: {
  target: InstanceTarget;
  onBack: () => void;
  onRegister: (form: ServerForm) => void;
  onConnected: (serverId: string) => void;
}) {
  const t = useT();
  const language = useLocale();
  const [details, setDetails] = useState<InstanceDetails | null>(null);
  const { running: changing } = useInstanceChange(target);
  const [problem, setProblem] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const { plainAccepted, setPlainAccepted } = usePlainAccepted(target);
  const reload = useCallback(async () => {
    const answer = await api['rds:instance']({ ...target, language });
    if (answer.ok) setDetails(answer.value);
    else setProblem(failureLine(answer.error));
  }, [target, language]);
  useEffect(() => void reload(), [reload]);
  return (
    <Flex vertical gap={12} style={{ marginTop: 16 }}>
      <Flex gap={12} align="center">
        <Button onClick={onBack}>{t('cloud.back')}</Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {details?.instance.description ? `${details.instance.description} — ${target.instanceId}` : target.instanceId}
        </Typography.Title>
        <span aria-label={t('cloud.status')} role="status" data-testid="instance-status">
          {details && <StatusTag status={details.instance.status} changing={changing?.change ?? null} />}
        </span>
        {details && (
          <Typography.Text type="secondary">
            {`${details.instance.engine} ${details.instance.engineVersion} · ${storageTypeName(details.instance.storageType, language)} · ${categoryName(details.instance.category, language)}`}
          </Typography.Text>
        )}
        {details && details.problems.length === 0 && (
          <Button type="primary" onClick={() => setConnecting(true)} style={{ marginLeft: 'auto' }}>
            {t('connect.start')}
          </Button>
        )}
      </Flex>
      {details?.instance.primaryInstanceId && (
        <Alert type="info" showIcon title={t('cloud.readOnlyOf', { primary: details.instance.primaryInstanceId })} />
      )}
      {problem && <Alert type="error" showIcon title={problem} />}
      {!details && !problem && <Spin aria-label={t('common.loading')} />}
      {details && (
        <Tabs
          items={[
            {
              key: 'security',
              label: t('rds.dataSecurity'),
              children: (
                <Tabs
                  items={[
                    {
                      key: 'ssl',
                      label: t('rds.ssl'),
                      children: (
                        <Flex vertical gap={16}>
                          <NotEnforcedWarning sslEnabled={details.ssl.enabled} plainAccepted={plainAccepted} />
                          <SslSettings target={target} details={details} onChanged={reload} onRegister={onRegister} />
                          <Typography.Title level={3} style={{ margin: 0, fontSize: 15 }}>
                            {t('connect.enforcement')}
                          </Typography.Title>
                          <EnforcementSection
                            target={target}
                            plainAccepted={plainAccepted}
                            onApplied={setPlainAccepted}
                          />
                        </Flex>
                      ),
                    },
                    {
                      key: 'whitelist',
                      label: t('connect.whitelist'),
                      children: <WhitelistSection target={target} suggested={lastFailureAddress()} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'connectivity',
              label: t('connect.tab'),
              children: (
                <Tabs
                  items={[
                    {
                      key: 'public-endpoint',
                      label: t('connect.publicEndpoint'),
                      children: <PublicEndpointSection target={target} details={details} onChanged={reload} />,
                    },
                    { key: 'accounts', label: t('connect.accounts'), children: <AccountsSection target={target} /> },
                    {
                      key: 'doctor',
                      label: t('connect.doctor'),
                      children: <DoctorSection target={target} details={details} onChanged={reload} />,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {details && (
        <Modal
          open={connecting}
          width={960}
          footer={null}
          destroyOnHidden
          title={t('connect.flowTitle', { instance: target.instanceId })}
          onCancel={() => setConnecting(false)}
        >
          <ConnectFlow
            target={target}
            details={details}
            onChanged={reload}
            onConnected={(serverId) => {
              setConnecting(false);
              onConnected(serverId);
            }}
          />
        </Modal>
      )}
    </Flex>
  );
}
