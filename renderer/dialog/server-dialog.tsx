import { Alert, Button, Form, Modal, Space, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionFacts } from '../../shared/contract/connection';
import { blankServerForm, type ServerForm } from '../../shared/contract/server-form';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { describeFailure } from '../errors';
import { t } from '../i18n';
import { SslFacts } from '../servers/ssl-panel';
import { ConnectionTab } from './connection-tab';
import type { FieldStatus } from './field-props';
import { validateForm } from './form-errors';
import { GeneralTab } from './general-tab';
import { ParametersTab } from './parameters-tab';

type TestOutcome =
  | { kind: 'ok'; facts: ConnectionFacts }
  | { kind: 'failed'; title: string; detail: string }
  | { kind: 'cancelled' }
  | null;

/** A fresh name for one Test connection, so that its Cancel aborts that attempt and no other. */
const newTestId = () => `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const tabOfField = (path: string) =>
  path.startsWith('parameters')
    ? 'parameters'
    : ['host', 'port', 'maintenanceDatabase', 'username'].includes(path)
      ? 'connection'
      : 'general';

/** Register > Server… and Properties: General, Connection and Parameters tabs, Test connection, Save. */
export function ServerDialog({
  serverId,
  initialForm,
  groups,
  onClose,
}: {
  serverId: string | null;
  /** Prefilled values for a new server (the cloud panel's "Register this instance as a server"). */
  initialForm?: ServerForm;
  groups: string[];
  onClose: (saved: ServerSummary | null, connectNow: boolean) => void;
}) {
  const creating = serverId === null;
  const [form, setForm] = useState<ServerForm | null>(
    creating ? (initialForm ?? blankServerForm(groups[0] ?? 'Servers')) : null,
  );
  const [passwordSaved, setPasswordSaved] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tab, setTab] = useState('general');
  const [testing, setTesting] = useState(false);
  // The running Test connection's id (null when none runs): Cancel and closing the dialog abort it.
  const running = useRef<string | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!serverId) return;
    void api['servers:get']({ id: serverId }).then((answer) => {
      if (answer.ok) {
        setForm(answer.value.form);
        setPasswordSaved(answer.value.summary.passwordSaved);
      } else setSaveProblem(answer.error.message);
    });
  }, [serverId]);
  const errors = useMemo(() => (form ? validateForm(form) : new Map<string, string>()), [form]);
  const shown = [...errors].filter(([path]) => touched.has('*') || touched.has(path.split('.').slice(0, 1).join('.')));
  const status = (path: string): FieldStatus => {
    const message = shown.find(([key]) => key === path)?.[1];
    return message ? { validateStatus: 'error', help: message } : {};
  };
  const set = (change: Partial<ServerForm>) => {
    setForm((current) => (current ? { ...current, ...change } : current));
    setTouched((current) => new Set([...current, ...Object.keys(change)]));
    setOutcome(null);
  };
  async function test() {
    if (!form) return;
    setTouched(new Set(['*']));
    if (errors.size > 0) return setTab(tabOfField([...errors.keys()][0] ?? ''));
    const testId = newTestId();
    running.current = testId;
    setTesting(true);
    setOutcome(null);
    const answer = await api['connection:test']({ form, serverId: serverId ?? undefined, testId });
    if (running.current !== testId) return;
    running.current = null;
    setTesting(false);
    if (answer.ok) setOutcome({ kind: 'ok', facts: answer.value });
    else
      setOutcome(
        answer.error.code === 'cancelled'
          ? { kind: 'cancelled' }
          : { kind: 'failed', ...describeFailure(answer.error) },
      );
  }
  function cancelTest() {
    const testId = running.current;
    if (!testId) return;
    running.current = null;
    setTesting(false);
    setOutcome({ kind: 'cancelled' });
    void api['connection:cancel-test']({ testId });
  }
  function close() {
    cancelTest();
    onClose(null, false);
  }
  async function save() {
    if (!form || errors.size > 0) return;
    const answer = serverId
      ? await api['servers:update']({ id: serverId, form })
      : await api['servers:create']({ form });
    if (answer.ok) return onClose(answer.value, creating && form.connectNow);
    const failure = describeFailure(answer.error);
    setSaveProblem(`${failure.title}: ${failure.detail}`);
  }
  const fieldProps = form ? { form, set, status } : null;
  return (
    <Modal
      open
      width={720}
      title={creating ? t('dialog.registerTitle') : t('dialog.propertiesTitle', { name: form?.name ?? '' })}
      onCancel={close}
      footer={[
        <Button key="test" onClick={() => void test()} loading={testing} disabled={!form}>
          {t('dialog.test')}
        </Button>,
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" disabled={!form || errors.size > 0} onClick={() => void save()}>
          {t('dialog.save')}
        </Button>,
      ]}
    >
      {!fieldProps ? (
        <Spin />
      ) : (
        <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }} onFinish={() => void save()}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'general',
                label: t('dialog.general'),
                forceRender: true,
                children: <GeneralTab {...fieldProps} groups={groups} creating={creating} />,
              },
              {
                key: 'connection',
                label: t('dialog.connection'),
                forceRender: true,
                children: <ConnectionTab {...fieldProps} creating={creating} passwordSaved={passwordSaved} />,
              },
              {
                key: 'parameters',
                label: t('dialog.parameters'),
                forceRender: true,
                children: <ParametersTab {...fieldProps} />,
              },
            ]}
          />
        </Form>
      )}
      <div aria-live="polite" className="visually-hidden" data-testid="form-problems">
        {shown.length > 0
          ? t('dialog.problems', { count: shown.length, messages: shown.map(([, message]) => message).join(' ') })
          : ''}
      </div>
      <div aria-live="assertive" data-testid="test-outcome">
        {testing && (
          <Space>
            <Spin size="small" />
            {t('dialog.testing')}
            <Button size="small" onClick={cancelTest}>
              {t('common.cancel')}
            </Button>
          </Space>
        )}
        {outcome?.kind === 'cancelled' && <Alert type="info" showIcon title={t('dialog.testCancelled')} />}
        {outcome?.kind === 'ok' && <SslFacts facts={outcome.facts} title={t('dialog.testSucceeded')} />}
        {outcome?.kind === 'failed' && (
          <Alert type="error" showIcon title={outcome.title} description={outcome.detail} />
        )}
        {saveProblem && <Alert type="error" showIcon title={saveProblem} style={{ marginTop: 8 }} />}
      </div>
    </Modal>
  );
}
