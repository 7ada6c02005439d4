import { Alert, Form, Input, InputNumber, Radio, Switch, Typography } from 'antd';
import type { ServerForm } from '../../shared/contract/server-form';
import { blankTunnelFields, type TunnelFields } from '../../shared/tunnel-fields';
import { api } from '../api/bridge';
import { describeFailure } from '../errors';
import { t } from '../i18n';
import type { StyledApp } from '../styled-app';
import type { FieldProps } from './field-props';
import { FileField } from './file-field';

/** pgAdmin's SSH Tunnel tab: Use SSH tunneling, Tunnel host and port, Username, Authentication, keep-alive. */
export function SshTunnelTab({ form, set, status }: FieldProps) {
  const tunnel = form.tunnel;
  const change = (values: Partial<TunnelFields>) =>
    tunnel &&
    set(
      { tunnel: { ...tunnel, ...values } },
      Object.keys(values).map((key) => `tunnel.${key}`),
    );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('tunnel.note')}</Typography.Paragraph>
      <Form.Item label={t('tunnel.use')} htmlFor="tunnel-use">
        <Switch
          id="tunnel-use"
          checked={tunnel !== undefined}
          onChange={(on) => set({ tunnel: on ? blankTunnelFields() : undefined, tunnelPassword: '' }, [])}
        />
      </Form.Item>
      {tunnel && (
        <>
          <Form.Item label={t('tunnel.host')} required htmlFor="tunnel-host" {...status('tunnel.host')}>
            <Input id="tunnel-host" value={tunnel.host} onChange={(event) => change({ host: event.target.value })} />
          </Form.Item>
          <Form.Item label={t('tunnel.port')} htmlFor="tunnel-port" {...status('tunnel.port')}>
            <InputNumber
              id="tunnel-port"
              min={1}
              max={65535}
              precision={0}
              value={tunnel.port}
              onChange={(value) => change({ port: typeof value === 'number' ? value : Number.NaN })}
            />
          </Form.Item>
          <Form.Item label={t('tunnel.username')} required htmlFor="tunnel-username" {...status('tunnel.username')}>
            <Input
              id="tunnel-username"
              value={tunnel.username}
              onChange={(event) => change({ username: event.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('tunnel.authentication')}>
            <Radio.Group
              aria-label={t('tunnel.authentication')}
              value={tunnel.authentication}
              onChange={(event) => change({ authentication: event.target.value })}
              options={[
                { value: 'password', label: t('tunnel.byPassword') },
                { value: 'identity-file', label: t('tunnel.byIdentityFile') },
              ]}
            />
          </Form.Item>
          {tunnel.authentication === 'identity-file' && (
            <Form.Item
              label={t('tunnel.identityFile')}
              required
              htmlFor="tunnel-identity-file"
              {...status('tunnel.identityFile')}
            >
              <FileField
                id="tunnel-identity-file"
                keyword="tunnel_identity_file"
                label={t('tunnel.identityFile')}
                value={tunnel.identityFile}
                onChange={(value) => change({ identityFile: value })}
              />
            </Form.Item>
          )}
          <Form.Item
            label={t('tunnel.password')}
            htmlFor="tunnel-password"
            extra={tunnel.authentication === 'identity-file' ? t('tunnel.passphraseNote') : undefined}
          >
            <Input.Password
              id="tunnel-password"
              autoComplete="new-password"
              value={form.tunnelPassword ?? ''}
              onChange={(event) => set({ tunnelPassword: event.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('tunnel.savePassword')} htmlFor="tunnel-save-password">
            <Switch
              id="tunnel-save-password"
              checked={tunnel.savePassword}
              onChange={(value) => change({ savePassword: value })}
            />
          </Form.Item>
          <Form.Item
            label={t('tunnel.keepAlive')}
            htmlFor="tunnel-keep-alive"
            extra={t('tunnel.keepAliveNote')}
            {...status('tunnel.keepAlive')}
          >
            <InputNumber
              id="tunnel-keep-alive"
              min={0}
              max={86400}
              precision={0}
              value={tunnel.keepAlive}
              onChange={(value) => change({ keepAlive: typeof value === 'number' ? value : Number.NaN })}
            />
          </Form.Item>
        </>
      )}
    </>
  );
}

/**
 * The first-use confirmation of a jump host's key (ssh's "authenticity can't be established"): reads the key the
 * host offers, shows its SHA256 fingerprint, and trusts exactly that key when the user confirms. True when trusted.
 */
export async function confirmHostKey(modal: StyledApp['modal'], form: ServerForm): Promise<boolean> {
  const tunnel = form.tunnel;
  if (!tunnel) return false;
  const jump = { host: tunnel.host, port: tunnel.port };
  const offered = await api['tunnel:host-key'](jump);
  if (!offered.ok || offered.value.status !== 'unknown') return false;
  const { fingerprint, keyType } = offered.value;
  const confirmed = await modal.confirm({
    title: t('tunnel.hostKeyTitle', { host: tunnel.port === 22 ? tunnel.host : `[${tunnel.host}]:${tunnel.port}` }),
    content: (
      <>
        <Typography.Paragraph>{t('tunnel.hostKeyDetail', { type: keyType })}</Typography.Paragraph>
        <Typography.Text code copyable data-testid="host-key-fingerprint">
          {fingerprint}
        </Typography.Text>
      </>
    ),
    okText: t('tunnel.trust'),
    cancelText: t('common.cancel'),
  });
  if (!confirmed) return false;
  const trusted = await api['tunnel:trust-host-key']({ ...jump, fingerprint });
  if (trusted.ok) return true;
  const failure = describeFailure(trusted.error);
  modal.error({ title: failure.title, content: <Alert type="error" title={failure.detail} /> });
  return false;
}
