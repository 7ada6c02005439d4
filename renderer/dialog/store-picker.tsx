import { Alert, Button, List, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { StoreEntryView } from '../../shared/contract/certificates';
import { api } from '../api/bridge';
import { ExpiryTag } from '../certificates/expiry-tag';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { keepTabInside } from './focus-cycle';

/** Picks a CA certificate from the app's own certificate store (the header's Certificates) for the Root certificate. */
export function StorePicker({ onChoose, onCancel }: { onChoose: (path: string) => void; onCancel: () => void }) {
  const [entries, setEntries] = useState<StoreEntryView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void api['certificates:list']({}).then((answer) => {
      if (answer.ok) setEntries(answer.value.entries);
      else {
        setProblem(failureLine(answer.error));
        setEntries([]);
      }
    });
  }, []);
  return (
    <Modal
      open
      width={640}
      style={{ top: 24 }}
      title={t('store.pickTitle')}
      onCancel={onCancel}
      modalRender={(node) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: it only keeps Tab inside the dialog; no control of its own.
        <div onKeyDown={keepTabInside}>{node}</div>
      )}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} />}
      {entries === null ? (
        <Spin />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 'max(120px, calc(100vh - 260px))', overflow: 'auto' }}
          locale={{ emptyText: t('store.empty') }}
          dataSource={entries}
          renderItem={(entry) => (
            <List.Item
              actions={[
                <Button
                  key="use"
                  aria-label={t('store.useOf', { label: entry.label || entry.certificate.subject })}
                  onClick={() => onChoose(entry.path)}
                >
                  {t('store.use')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={entry.label || entry.certificate.subject}
                description={
                  <>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {entry.certificate.subject}
                    </Typography.Text>
                    <ExpiryTag certificate={entry.certificate} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
