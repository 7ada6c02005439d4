import { Alert, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { StoreEntryView } from '../../shared/contract/certificates';
import { api } from '../api/bridge';
import { FileField } from '../dialog/file-field';
import { describeFailure, type ShownFailure } from '../errors';
import { useT } from '../i18n';
import { useStyledApp } from '../styled-app';
import { ExpiryTag } from './expiry-tag';
import { ExportActions } from './export-actions';

/** The certificate store: each CA with subject, issuer, expiry and the saved servers that use it; add and remove. */
export function StoreTable() {
  const t = useT();
  const { message } = useStyledApp();
  const [entries, setEntries] = useState<StoreEntryView[] | null>(null);
  const [problem, setProblem] = useState<ShownFailure | null>(null);
  const [path, setPath] = useState('');
  const [label, setLabel] = useState('');
  const refresh = useCallback(async () => {
    const answer = await api['certificates:list']({});
    if (answer.ok) {
      setEntries(answer.value.entries);
      setProblem(null);
    } else setProblem(describeFailure(answer.error));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function add() {
    const answer = await api['certificates:add']({ path, label });
    if (!answer.ok) return setProblem(describeFailure(answer.error));
    message.success(t('certificates.added', { added: answer.value.added, existing: answer.value.existing }));
    setPath('');
    setLabel('');
    await refresh();
  }
  async function remove(entry: StoreEntryView) {
    const answer = await api['certificates:remove']({ fingerprint: entry.fingerprintSha256 });
    if (!answer.ok) return setProblem(describeFailure(answer.error));
    await refresh();
  }
  return (
    <section aria-label={t('certificates.store')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <FileField
        id="store-add-path"
        keyword="other"
        label={t('certificates.addFile')}
        value={path}
        onChange={setPath}
      />
      <Space.Compact style={{ maxWidth: 520 }}>
        <Input
          aria-label={t('certificates.label')}
          placeholder={t('certificates.label')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <Button type="primary" disabled={path === ''} onClick={() => void add()}>
          {t('certificates.add')}
        </Button>
      </Space.Compact>
      <div aria-live="polite">
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
      </div>
      <Table<StoreEntryView>
        aria-label={t('certificates.store')}
        size="small"
        loading={entries === null}
        rowKey="fingerprintSha256"
        dataSource={entries ?? []}
        pagination={false}
        locale={{ emptyText: t('certificates.empty') }}
        // Long subjects scroll inside the table; Actions stays pinned on screen (1024 px windows).
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'label', title: t('certificates.label'), dataIndex: 'label' },
          { key: 'subject', title: t('certificates.subject'), render: (_, entry) => entry.certificate.subject },
          { key: 'issuer', title: t('certificates.issuer'), render: (_, entry) => entry.certificate.issuer },
          {
            key: 'expiry',
            title: t('certificates.expires'),
            render: (_, entry) => <ExpiryTag certificate={entry.certificate} />,
          },
          {
            key: 'used',
            title: t('certificates.usedBy'),
            render: (_, entry) =>
              entry.usedBy.length
                ? entry.usedBy.map((use) => <Tag key={use.id}>{use.name}</Tag>)
                : t('certificates.unused'),
          },
          {
            key: 'actions',
            title: t('certificates.actions'),
            fixed: 'end',
            render: (_, entry) => (
              <Space>
                <ExportActions path={entry.path} label={entry.label} />
                <Popconfirm
                  title={t('certificates.removeConfirm', { name: entry.label })}
                  description={entry.usedBy.length ? t('certificates.removeUsed') : undefined}
                  okText={t('certificates.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(entry)}
                >
                  <Button danger aria-label={t('certificates.removeOf', { name: entry.label })}>
                    {t('certificates.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
