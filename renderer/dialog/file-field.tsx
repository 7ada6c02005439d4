import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { FileBrowser } from './file-browser';
import { RootCertificateFacts } from './root-certificate-facts';

const purposes: Record<string, 'root-certificate' | 'client-certificate' | 'client-key' | 'crl' | 'other'> = {
  sslrootcert: 'root-certificate',
  sslcert: 'client-certificate',
  sslkey: 'client-key',
  sslcrl: 'crl',
};

async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

/** A certificate or key file field: a path on the serving machine, a Browse… dialog, or an Upload…. */
export function FileField({
  id,
  keyword,
  label,
  value,
  onChange,
}: {
  id: string;
  keyword: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [browsing, setBrowsing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useRef<HTMLInputElement>(null);
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), 250);
    return () => clearTimeout(timer);
  }, [value]);

  async function browse() {
    const chosen = await api['files:choose']({ purpose: purposes[keyword] ?? 'other' });
    if (chosen.ok) {
      if (chosen.value.path) onChange(chosen.value.path);
    } else setBrowsing(true);
  }
  async function uploaded(file: File | undefined) {
    if (!file) return;
    const answer = await api['files:upload']({ fileName: file.name, contentBase64: await fileAsBase64(file) });
    if (answer.ok) {
      setProblem(null);
      onChange(answer.value.path);
    } else {
      setProblem(failureLine(answer.error));
    }
  }
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          aria-label={label}
          placeholder={t('file.pathPlaceholder')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <Button onClick={() => void browse()}>{t('file.browse')}</Button>
        <Button onClick={() => upload.current?.click()}>{t('file.upload')}</Button>
      </Space.Compact>
      <input
        ref={upload}
        type="file"
        aria-label={t('file.uploadOf', { label })}
        // Not `hidden`: antd's form style sets file inputs to display: block, which beats the attribute.
        style={{ display: 'none' }}
        onChange={(event) => void uploaded(event.target.files?.[0])}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      {keyword === 'sslrootcert' && debounced && <RootCertificateFacts path={debounced} />}
      {browsing && (
        <FileBrowser
          title={t('file.choose', { label })}
          onCancel={() => setBrowsing(false)}
          onChoose={(path) => {
            setBrowsing(false);
            onChange(path);
          }}
        />
      )}
      {keyword !== 'sslrootcert' && value && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {value.split('/').pop()}
        </Typography.Text>
      )}
    </div>
  );
}
