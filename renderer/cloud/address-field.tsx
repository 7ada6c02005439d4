import { Form, Input } from 'antd';
import { useT } from '../i18n';

/** "This computer's public address": typed by the user, since it cannot be seen from inside the machine. */
export function AddressField({
  value,
  onChange,
  withHelp = false,
}: {
  value: string;
  onChange: (address: string) => void;
  /** Says how to find the address (below the field). */
  withHelp?: boolean;
}) {
  const t = useT();
  return (
    <Form.Item
      label={t('connect.address')}
      extra={withHelp ? t('connect.addressHelp') : undefined}
      style={withHelp ? { marginBottom: 8 } : undefined}
    >
      <Input
        aria-label={t('connect.address')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="203.0.113.7"
      />
    </Form.Item>
  );
}
