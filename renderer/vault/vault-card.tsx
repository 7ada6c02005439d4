import { Card } from 'antd';
import type { ReactNode } from 'react';
import { LanguageMenu } from '../i18n/language-menu';

/**
 * The centred card of the vault screens (first run, unlock, damaged vault): the language menu beside a title that
 * wraps instead of being cut off ("Unlock RDS PG Conn…"); `overlay` (a dialog) renders beside the card.
 */
export function VaultCard({
  title,
  width,
  overlay,
  children,
}: {
  title: string;
  width: number;
  overlay?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Card
        style={{ width, maxWidth: 'calc(100vw - 32px)' }}
        styles={{ title: { whiteSpace: 'normal', overflow: 'visible' } }}
        extra={<LanguageMenu />}
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{title}</h1>}
      >
        {children}
      </Card>
      {overlay}
    </main>
  );
}
