import { useState } from 'react';
import { t } from './i18n';

/**
 * A failure's next step in the UI language; the main process's own (English) message only behind "details". Drawn
 * with antd Typography's classes (a link, then code text), whose code is not part of the first screen; the link is a
 * button, so the keyboard reaches it too (Typography.Link without an address was not focusable).
 */
export function FailureDetail({ advice, raw }: { advice: string; raw: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span data-testid="failure-detail">
      {advice}{' '}
      <button
        type="button"
        className="ant-typography ant-typography-link rdspg-text-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('vault.keychainDetails')}
      </button>
      {open && (
        <span className="ant-typography" style={{ display: 'block', marginTop: 4 }} data-testid="failure-raw">
          <code>{raw}</code>
        </span>
      )}
    </span>
  );
}
