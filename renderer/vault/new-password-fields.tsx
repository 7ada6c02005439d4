import { Form, Input } from 'antd';
import { t } from '../i18n';
import { masterPasswordProblem } from './password-rule';
import { StrengthMeter } from './strength-meter';

/** The problem of a new master password and its confirmation, or undefined when both are fine. */
export function newPasswordProblem(password: string, confirmation: string): string | undefined {
  return masterPasswordProblem(password) ?? (confirmation !== password ? t('vault.mismatch') : undefined);
}

/** New master password, its strength meter and Confirm new master password, as on the first run. */
export function NewPasswordFields(props: {
  id: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
}) {
  const weak = masterPasswordProblem(props.password);
  const mismatch = props.confirmation !== '' && props.confirmation !== props.password ? t('vault.mismatch') : undefined;
  return (
    <>
      <Form.Item label={t('vault.new')} htmlFor={props.id} validateStatus={weak ? 'error' : ''} help={weak}>
        <Input.Password
          id={props.id}
          value={props.password}
          onChange={(event) => props.onPassword(event.target.value)}
          autoComplete="new-password"
        />
      </Form.Item>
      <StrengthMeter password={props.password} />
      <Form.Item
        label={t('vault.confirmNew')}
        htmlFor={`${props.id}-confirmation`}
        validateStatus={mismatch ? 'error' : ''}
        help={mismatch}
      >
        <Input.Password
          id={`${props.id}-confirmation`}
          value={props.confirmation}
          onChange={(event) => props.onConfirmation(event.target.value)}
          autoComplete="new-password"
        />
      </Form.Item>
    </>
  );
}
