import { Tabs } from 'antd';
import { useT } from '../i18n';
import { OpenFile } from './open-file';
import { StoreTable } from './store-table';

/** The certificates view: the certificate store, and any certificate file opened to see its chain. */
export function CertificatesView() {
  const t = useT();
  return (
    <Tabs
      items={[
        { key: 'store', label: t('certificates.store'), children: <StoreTable /> },
        { key: 'open', label: t('certificates.openFile'), children: <OpenFile /> },
      ]}
    />
  );
}
