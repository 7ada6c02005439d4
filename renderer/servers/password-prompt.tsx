import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';

/** Asks for a server's password when none is saved: "Connect to Server" as in pgAdmin. */
export function PasswordPrompt(props: {
  serverName: string;
  onSubmit: (password: string, save: boolean) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [save, setSave] = useState(false);
  return (
    <Modal
      open
      title="Connect to Server"
      okText="OK"
      okButtonProps={{ disabled: !password }}
      onOk={() => props.onSubmit(password, save)}
      onCancel={props.onCancel}
    >
      <p>Please enter the password for the user to connect the server "{props.serverName}".</p>
      <Form layout="vertical" onFinish={() => password && props.onSubmit(password, save)}>
        <Form.Item label="Password" htmlFor="connect-password">
          <Input.Password
            id="connect-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Form.Item>
        <Checkbox checked={save} onChange={(event) => setSave(event.target.checked)}>
          Save password?
        </Checkbox>
      </Form>
    </Modal>
  );
}
