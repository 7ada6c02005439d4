import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { busyProps } from '../common/busy-button';
import { focusOnOpen } from '../common/focus-on-open';
import { t } from '../i18n';

/** Asks for a server's password when none is saved: "Connect to Server" as in pgAdmin, naming the user. */
export function PasswordPrompt(props: {
  serverName: string;
  username: string;
  /** Why the last password did not work (the prompt stays open for another try). */
  problem?: string;
  busy: boolean;
  onSubmit: (password: string, save: boolean) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [save, setSave] = useState(false);
  return (
    <Modal
      open
      title={t('password.title')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !password, ...busyProps(props.busy) }}
      onOk={() => props.onSubmit(password, save)}
      onCancel={props.onCancel}
      afterOpenChange={focusOnOpen('connect-password')}
    >
      <p>{t('password.prompt', { name: props.serverName, user: props.username })}</p>
      <Form layout="vertical" onFinish={() => password && !props.busy && props.onSubmit(password, save)}>
        <Form.Item label={t('field.password')} htmlFor="connect-password">
          <Input.Password
            id="connect-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Form.Item>
        <Checkbox checked={save} onChange={(event) => setSave(event.target.checked)}>
          {t('password.save')}
        </Checkbox>
      </Form>
      <div aria-live="assertive">
        {props.problem && <Alert type="error" showIcon title={props.problem} style={{ marginTop: 12 }} />}
      </div>
    </Modal>
  );
}
