import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { FileField } from '../dialog/file-field';
import { describeFailure, type ShownFailure } from '../errors';
import { useT } from '../i18n';
import { ChainView } from './chain-view';
import { ExportActions } from './export-actions';

type Opened = Parameters<typeof ChainView>[0];

/** Opens any certificate file (PEM, DER, P7B, JKS, PKCS#12, the RDS zip) to show its chain and export it. */
export function OpenFile() {
  const t = useT();
  const [path, setPath] = useState('');
  const [password, setPassword] = useState('');
  const [opened, setOpened] = useState<{ path: string; facts: Opened } | null>(null);
  const [problem, setProblem] = useState<ShownFailure | null>(null);

  async function open() {
    const answer = await api['certificates:open']({ path, password: password || undefined });
    if (!answer.ok) {
      setOpened(null);
      return setProblem(describeFailure(answer.error));
    }
    setProblem(null);
    setOpened({ path, facts: answer.value });
  }
  return (
    <section aria-label={t('certificates.openFile')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <FileField
        id="open-certificate-path"
        keyword="other"
        label={t('certificates.file')}
        value={path}
        onChange={setPath}
      />
      <Space.Compact style={{ maxWidth: 520 }}>
        <Input.Password
          aria-label={t('certificates.keystorePassword')}
          placeholder={t('certificates.keystorePassword')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="primary" disabled={path === ''} onClick={() => void open()}>
          {t('certificates.open')}
        </Button>
      </Space.Compact>
      <div aria-live="polite">
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
      </div>
      {opened && (
        <>
          <div>
            <ExportActions path={opened.path} label={opened.path.split(/[\\/]/).pop() ?? opened.path} />
          </div>
          <ChainView {...opened.facts} />
        </>
      )}
    </section>
  );
}
