import { ColorPicker, Flex, Form, Input, Select, Switch } from 'antd';
import type { ServerForm } from '../../shared/contract/server-form';
import { t } from '../i18n';
import { groupLabel } from '../i18n/labels';
import type { FieldProps } from './field-props';

/** A colour as #rrggbb or '' (none): antd's ColorPicker beside the typed value. */
function ColourInput({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <Flex gap={8}>
      <ColorPicker
        value={value || null}
        allowClear
        disabledAlpha
        format="hex"
        aria-label={t('field.pickColour')}
        onChange={(colour) => onChange(colour.toHexString())}
        onClear={() => onChange('')}
      />
      <Input
        id={id}
        placeholder={t('field.colourPlaceholder')}
        allowClear
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Flex>
  );
}

/** The General tab: Name, Server group, Background, Foreground, Connect now?, Comments. */
export function GeneralTab({
  form,
  set,
  status,
  groups,
  creating,
}: FieldProps & { groups: string[]; creating: boolean }) {
  const update =
    <Key extends keyof ServerForm>(key: Key) =>
    (value: ServerForm[Key]) =>
      set({ [key]: value } as Partial<ServerForm>);
  return (
    <>
      <Form.Item label={t('field.name')} required htmlFor="server-name" {...status('name')}>
        <Input id="server-name" autoFocus value={form.name} onChange={(event) => update('name')(event.target.value)} />
      </Form.Item>
      <Form.Item label={t('field.group')} htmlFor="server-group" {...status('group')}>
        <Select
          id="server-group"
          value={form.group}
          options={[...new Set([...groups, form.group])].map((group) => ({ value: group, label: groupLabel(group) }))}
          onChange={(value) => update('group')(value)}
        />
      </Form.Item>
      <Form.Item label={t('field.background')} htmlFor="server-background" {...status('background')}>
        <ColourInput id="server-background" value={form.background} onChange={update('background')} />
      </Form.Item>
      <Form.Item label={t('field.foreground')} htmlFor="server-foreground" {...status('foreground')}>
        <ColourInput id="server-foreground" value={form.foreground} onChange={update('foreground')} />
      </Form.Item>
      {creating && (
        <Form.Item label={t('field.connectNow')} htmlFor="server-connect-now">
          <Switch id="server-connect-now" checked={form.connectNow} onChange={update('connectNow')} />
        </Form.Item>
      )}
      <Form.Item label={t('field.comments')} htmlFor="server-comments" {...status('comments')}>
        <Input.TextArea
          id="server-comments"
          rows={3}
          value={form.comments}
          onChange={(event) => update('comments')(event.target.value)}
        />
      </Form.Item>
    </>
  );
}
