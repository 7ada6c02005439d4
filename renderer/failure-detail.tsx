import { Typography } from 'antd';
import { useState } from 'react';
import { t } from './i18n';

/** A failure's next step in the UI language; the main process's own (English) message only behind "details". */
export function FailureDetail({ advice, raw }: { advice: string; raw: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span data-testid="failure-detail">
      {advice}{' '}
      <Typography.Link aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('vault.keychainDetails')}
      </Typography.Link>
      {open && (
        <Typography.Text code style={{ display: 'block', marginTop: 4 }} data-testid="failure-raw">
          {raw}
        </Typography.Text>
      )}
    </span>
  );
}
