import { Form, Input, Switch } from 'antd';
import { t } from '../i18n';
import type { FieldProps } from './field-props';
import { PortField } from './port-field';

/** The Connection tab: Host name/address, Port, Maintenance database, Username, Password, Save password?, Role, Service. */
export function ConnectionTab({
  form,
  set,
  status,
  creating,
  passwordSaved,
}: FieldProps & { creating: boolean; passwordSaved: boolean }) {
  const maintenance = status('maintenanceDatabase');
  // With a Service, libpq (and pgAdmin 7+) take host, user and database from pg_service.conf: none is required.
  const needed = !form.service;
  return (
    <>
      <Form.Item label={t('field.host')} required={needed} htmlFor="server-host" {...status('host')}>
        <Input id="server-host" value={form.host} onChange={(event) => set({ host: event.target.value })} />
      </Form.Item>
      <Form.Item label={t('field.port')} htmlFor="server-port" extra={t('field.portNote')} {...status('port')}>
        <PortField value={form.port} onChange={(port) => set({ port })} />
      </Form.Item>
      <Form.Item
        label={t('field.maintenanceDatabase')}
        htmlFor="server-maintenance-database"
        {...maintenance}
        extra={t('field.maintenanceNote')}
      >
        <Input
          id="server-maintenance-database"
          value={form.maintenanceDatabase}
          onChange={(event) => set({ maintenanceDatabase: event.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('field.username')} required={needed} htmlFor="server-username" {...status('username')}>
        <Input id="server-username" value={form.username} onChange={(event) => set({ username: event.target.value })} />
      </Form.Item>
      <Form.Item
        label={t('field.password')}
        htmlFor="server-password"
        extra={!creating && passwordSaved ? t('field.passwordSaved') : undefined}
      >
        <Input.Password
          id="server-password"
          autoComplete="new-password"
          value={form.password}
          onChange={(event) => set({ password: event.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('field.savePassword')} htmlFor="server-save-password">
        <Switch
          id="server-save-password"
          checked={form.savePassword}
          onChange={(value) => set({ savePassword: value })}
        />
      </Form.Item>
      <Form.Item label={t('field.role')} htmlFor="server-role" extra={t('field.roleNote')} {...status('role')}>
        <Input id="server-role" value={form.role ?? ''} onChange={(event) => set({ role: event.target.value })} />
      </Form.Item>
      <Form.Item
        label={t('field.service')}
        htmlFor="server-service"
        extra={t('field.serviceNote')}
        {...status('service')}
      >
        <Input
          id="server-service"
          value={form.service ?? ''}
          onChange={(event) => set({ service: event.target.value })}
        />
      </Form.Item>
    </>
  );
}
