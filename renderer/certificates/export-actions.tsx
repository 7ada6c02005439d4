import { Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { FileField } from '../dialog/file-field';
import { failureLine } from '../errors';
import { useT } from '../i18n';
import { useStyledApp } from '../styled-app';
import { saveDownload } from './download';

type Asking = { format: 'jks' } | { format: 'pk8' } | null;

/** Export of a certificate file to PEM, P7B or JKS (password apsaradb by default), and of a key to PKCS#8. */
export function ExportActions({ path, label }: { path: string; label: string }) {
  const t = useT();
  const { message } = useStyledApp();
  const [asking, setAsking] = useState<Asking>(null);
  const [password, setPassword] = useState('apsaradb');
  const [keyPath, setKeyPath] = useState('');
  const [passphrase, setPassphrase] = useState('');

  async function exportAs(format: 'pem' | 'p7b' | 'jks' | 'pk8', source: string, secret?: string) {
    const answer = await api['certificates:export']({ path: source, format, password: secret || undefined });
    if (!answer.ok) {
      return void message.error(failureLine(answer.error));
    }
    setAsking(null);
    saveDownload(answer.value.fileName, answer.value.mediaType, answer.value.contentBase64);
    message.success(t('certificates.exported', { file: answer.value.fileName }));
  }
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'pem', label: t('certificates.exportPem'), onClick: () => void exportAs('pem', path) },
            { key: 'p7b', label: t('certificates.exportP7b'), onClick: () => void exportAs('p7b', path) },
            { key: 'jks', label: t('certificates.exportJks'), onClick: () => setAsking({ format: 'jks' }) },
            { key: 'pk8', label: t('certificates.exportPk8'), onClick: () => setAsking({ format: 'pk8' }) },
          ],
        }}
      >
        <Button aria-label={t('certificates.exportOf', { name: label })}>{t('certificates.export')}</Button>
      </Dropdown>
      {asking?.format === 'jks' && (
        <Modal
          open
          title={t('certificates.exportJksTitle')}
          okText={t('certificates.export')}
          cancelText={t('common.cancel')}
          onCancel={() => setAsking(null)}
          onOk={() => void exportAs('jks', path, password)}
        >
          <Form layout="vertical">
            <Form.Item
              label={t('certificates.jksPassword')}
              htmlFor="jks-password"
              extra={t('certificates.jksPasswordNote')}
            >
              <Input.Password
                id="jks-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
      {asking?.format === 'pk8' && (
        <Modal
          open
          title={t('certificates.exportPk8Title')}
          okText={t('certificates.export')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: keyPath === '' }}
          onCancel={() => setAsking(null)}
          onOk={() => void exportAs('pk8', keyPath, passphrase)}
        >
          <Form layout="vertical">
            <Form.Item label={t('certificates.keyFile')} htmlFor="pk8-key">
              <FileField
                id="pk8-key"
                keyword="sslkey"
                label={t('certificates.keyFile')}
                value={keyPath}
                onChange={setKeyPath}
              />
            </Form.Item>
            <Form.Item label={t('certificates.keyPassphrase')} htmlFor="pk8-passphrase">
              <Input.Password
                id="pk8-passphrase"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
