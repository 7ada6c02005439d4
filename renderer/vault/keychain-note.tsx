import { Typography } from 'antd';
import { useState } from 'react';
import { t } from '../i18n';

/** Why "Remember on this device" is off, in plain words; the keychain's own error only behind "details". */
export function KeychainNote({ problem }: { problem: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="keychain-note">
      {t('vault.keychainUnavailable')}{' '}
      {problem && (
        <Typography.Link aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('vault.keychainDetails')}
        </Typography.Link>
      )}
      {open && problem && (
        <Typography.Text code style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      )}
    </Typography.Paragraph>
  );
}
