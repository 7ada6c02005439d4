import { Form, Input } from 'antd';

/** A labelled text area for a pasted PEM block: a certificate, a private key or a CRL. */
export function PemField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  return (
    <Form.Item label={props.label} htmlFor={props.id}>
      <Input.TextArea
        id={props.id}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Form.Item>
  );
}
