import { Flex, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EndpointChoice } from '../../shared/contract/rds';
import { useT } from '../i18n';

/** The Select Protected Endpoint dialog: the internal and the public endpoint (the public one recommended). */
export function EndpointDialog({
  choices,
  current,
  onChoose,
  onCancel,
}: {
  choices: EndpointChoice[];
  current: string | null;
  onChoose: (host: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const initial = current ?? choices.find((choice) => choice.recommended)?.host ?? choices[0]?.host ?? null;
  const [host, setHost] = useState<string | null>(initial);
  return (
    <Modal
      open
      title={t('rds.selectProtectedEndpoint')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !host }}
      onOk={() => host && onChoose(host)}
      onCancel={onCancel}
    >
      <Radio.Group
        value={host}
        onChange={(event) => setHost(event.target.value)}
        aria-label={t('rds.protectedEndpoint')}
      >
        <Flex vertical gap={12}>
          {choices.map((choice) => (
            <Radio key={choice.host} value={choice.host} disabled={!choice.protectable}>
              <Flex vertical>
                <span>
                  {`${t(choice.kind === 'public' ? 'cloud.endpoint.public' : 'cloud.endpoint.internal')}: ${choice.host}:${choice.port}`}{' '}
                  {choice.recommended && choice.protectable && <Tag color="blue">{t('cloud.recommended')}</Tag>}
                  {choice.pgBouncerPort !== null && (
                    <Tag>{t('cloud.pgBouncerPort', { port: choice.pgBouncerPort })}</Tag>
                  )}
                </span>
                {choice.readWriteSplitting && (
                  <Typography.Text type="secondary">{t('cloud.rwSplittingNote')}</Typography.Text>
                )}
                {choice.recommended && choice.note && !choice.readWriteSplitting && (
                  <Typography.Text type="secondary">{t('cloud.recommendedNote')}</Typography.Text>
                )}
              </Flex>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    </Modal>
  );
}
