import { Input } from 'antd';
import { portOfText } from './port-text';

/** The Port box: one port, or one per host separated by commas, as libpq takes them. */
export function PortField({ value, onChange }: { value: number | string; onChange: (port: number | string) => void }) {
  return (
    <Input
      id="server-port"
      inputMode="numeric"
      placeholder="5432"
      style={{ maxWidth: 240 }}
      value={String(value)}
      onChange={(event) => onChange(portOfText(event.target.value.replaceAll(' ', '')))}
    />
  );
}
