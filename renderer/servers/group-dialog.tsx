import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { busyProps } from '../common/busy-button';
import { focusOnOpen } from '../common/focus-on-open';
import { describeFailure, type ShownFailure } from '../errors';
import { t } from '../i18n';

/** Register > Server Group… (no `from`) or Rename… of a group: one Name field; a taken name is shown, not saved. */
export function GroupDialog(props: { from?: string; onClose: (group: string | null) => void }) {
  const [name, setName] = useState(props.from ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ShownFailure | null>(null);
  const trimmed = name.trim();
  async function save() {
    if (!trimmed || busy) return;
    setBusy(true);
    const answer = props.from
      ? await api['servers:group-rename']({ from: props.from, to: trimmed })
      : await api['servers:group-create']({ name: trimmed });
    setBusy(false);
    if (answer.ok) props.onClose(answer.value.group);
    else setProblem(describeFailure(answer.error));
  }
  return (
    <Modal
      open
      title={props.from ? t('group.renameTitle') : t('group.createTitle')}
      okText={t('group.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !trimmed || trimmed === props.from, ...busyProps(busy) }}
      onOk={() => void save()}
      onCancel={() => props.onClose(null)}
      afterOpenChange={focusOnOpen('group-name')}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('group.name')} htmlFor="group-name" required>
          <Input
            id="group-name"
            autoFocus
            maxLength={200}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
          />
        </Form.Item>
      </Form>
      <div aria-live="assertive">
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
      </div>
    </Modal>
  );
}
