import { Alert, Button, Flex, Typography } from 'antd';
import type { z } from 'zod';
import type { rdsChannels } from '../../shared/contract/rds';
import { saveDownload } from '../certificates/download';
import { useT } from '../i18n';

/** What `rds:ca-download` answers: the stored root certificate and the PEM, JKS and P7B files. */
export type CaFiles = z.infer<(typeof rdsChannels)['rds:ca-download']['value']>;

/** The downloaded CA: where the certificate store keeps it, and the PEM, JKS and P7B files to save. */
export function CaDownloadResult({ files }: { files: CaFiles }) {
  const t = useT();
  const save = (file: CaFiles['files']['pem']) => saveDownload(file.fileName, file.mediaType, file.contentBase64);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="ca-download"
      title={t('cloud.caStored', { path: files.rootCertificatePath })}
      description={
        <Flex vertical gap={8}>
          {files.certificates.map((certificate) => (
            <Typography.Text key={certificate.fingerprintSha256}>
              {`${certificate.subject} · ${certificate.notAfter.slice(0, 10)}`}
            </Typography.Text>
          ))}
          <Flex gap={8}>
            <Button onClick={() => save(files.files.pem)}>{t('cloud.savePem')}</Button>
            <Button onClick={() => save(files.files.jks)}>{t('cloud.saveJks')}</Button>
            <Button onClick={() => save(files.files.p7b)}>{t('cloud.saveP7b')}</Button>
          </Flex>
          <Typography.Text type="secondary">{t('cloud.jksPassword')}</Typography.Text>
        </Flex>
      }
    />
  );
}
