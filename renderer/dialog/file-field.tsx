import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { FileBrowser } from './file-browser';
import { fileNameOf, fileTypeOf, folderOf } from './file-types';
import { RootCertificateFacts } from './root-certificate-facts';
import { StorePicker } from './store-picker';

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

/**
 * A certificate or key file field: the file's name in bold (the folder beside it, the whole path on hover), the path
 * box, Browse… (the native dialog, or the serving machine's folders), Upload…, and for the Root certificate a CA
 * from the app's certificate store.
 */
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
  const [picking, setPicking] = useState(false);
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
  const name = value ? fileNameOf(value) : '';
  const folder = value ? folderOf(value) : null;
  return (
    <div>
      {value && (
        // The file's name first, its folder in grey beside it; the whole path on hover and in the box below.
        <div data-testid={`file-name-${keyword}`} title={value} style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
          <Typography.Text strong style={{ flex: 'none', maxWidth: '100%' }} ellipsis>
            {name}
          </Typography.Text>
          {folder && (
            <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 0, lineHeight: '22px' }} ellipsis>
              {t('file.inFolder', { folder })}
            </Typography.Text>
          )}
        </div>
      )}
      <Input
        id={id}
        aria-label={label}
        title={value || undefined}
        placeholder={t('file.pathPlaceholder')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Button size="small" onClick={() => void browse()}>
          {t('file.browse')}
        </Button>
        <Button size="small" onClick={() => upload.current?.click()}>
          {t('file.upload')}
        </Button>
        {keyword === 'sslrootcert' && (
          <Button size="small" onClick={() => setPicking(true)}>
            {t('store.pick')}
          </Button>
        )}
      </Space>
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
          startPath={value}
          fileType={fileTypeOf(keyword)}
          onCancel={() => setBrowsing(false)}
          onChoose={(path) => {
            setBrowsing(false);
            onChange(path);
          }}
        />
      )}
      {picking && (
        <StorePicker
          onCancel={() => setPicking(false)}
          onChoose={(path) => {
            setPicking(false);
            onChange(path);
          }}
        />
      )}
    </div>
  );
}
