import { Alert, Button, Form, Modal, Space, Spin, Tabs, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionFacts } from '../../shared/contract/connection';
import { blankServerForm, type ServerForm } from '../../shared/contract/server-form';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { focusOnOpen } from '../common/focus-on-open';
import { describeFailure, failureLine, type ShownFailure } from '../errors';
import { t } from '../i18n';
import { SslFacts } from '../servers/ssl-panel';
import { useStyledApp } from '../styled-app';
import { ConnectionTab } from './connection-tab';
import { DiagnoseFailure } from './diagnose-failure';
import type { FieldStatus } from './field-props';
import { keepTabInside } from './focus-cycle';
import { validateForm } from './form-errors';
import { GeneralTab } from './general-tab';
import { ParametersTab } from './parameters-tab';
import { confirmHostKey, SshTunnelTab } from './ssh-tunnel-tab';

type TestOutcome =
  | { kind: 'ok'; facts: ConnectionFacts }
  | ({ kind: 'failed'; message: string } & ShownFailure)
  | { kind: 'cancelled' }
  | null;

/** A fresh name for one Test connection, so that its Cancel aborts that attempt and no other. */
const newTestId = () => `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const tabOfField = (path: string) =>
  path.startsWith('parameters')
    ? 'parameters'
    : path.startsWith('tunnel')
      ? 'ssh-tunnel'
      : ['host', 'port', 'maintenanceDatabase', 'username', 'role', 'service', 'password', 'savePassword'].includes(
            path,
          )
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
  const { modal } = useStyledApp();
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
  // One "Discard your changes?" at a time: Escape pressed again while it is on its way does not ask twice.
  const asking = useRef(false);
  const [outcome, setOutcome] = useState<TestOutcome>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!serverId) return;
    void api['servers:get']({ id: serverId }).then((answer) => {
      if (answer.ok) {
        setForm(answer.value.form);
        setPasswordSaved(answer.value.summary.passwordSaved);
      } else setSaveProblem(failureLine(answer.error));
    });
  }, [serverId]);
  const errors = useMemo(() => (form ? validateForm(form) : new Map<string, string>()), [form]);
  const shown = [...errors].filter(
    ([path]) => touched.has('*') || touched.has(path.split('.')[0] ?? '') || touched.has(path.split('.', 2).join('.')),
  );
  const problemsOf = (tabKey: string) => [...errors.keys()].filter((path) => tabOfField(path) === tabKey).length;
  const status = (path: string): FieldStatus => {
    const message = shown.find(([key]) => key === path)?.[1];
    return message ? { validateStatus: 'error', help: message } : {};
  };
  const set = (change: Partial<ServerForm>, paths = Object.keys(change)) => {
    setForm((current) => (current ? { ...current, ...change } : current));
    setTouched((current) => new Set([...current, ...paths]));
    setOutcome(null);
  };
  /** Marks every field touched and shows the first problem's tab; true when the form can go. */
  function ready(): boolean {
    setTouched(new Set(['*']));
    if (errors.size === 0) return true;
    setTab(tabOfField([...errors.keys()][0] ?? ''));
    return false;
  }
  async function test() {
    if (!form || !ready()) return;
    const testId = newTestId();
    running.current = testId;
    setTesting(true);
    setOutcome(null);
    const answer = await api['connection:test']({ form, serverId: serverId ?? undefined, testId });
    if (running.current !== testId) return;
    running.current = null;
    setTesting(false);
    if (!answer.ok && answer.error.code === 'tunnel_host_key_unknown' && (await confirmHostKey(modal, form)))
      return test();
    if (answer.ok) setOutcome({ kind: 'ok', facts: answer.value });
    else
      setOutcome(
        answer.error.code === 'cancelled'
          ? { kind: 'cancelled' }
          : { kind: 'failed', message: answer.error.message, ...describeFailure(answer.error) },
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
  /** Escape, the close button and the mask: ask before throwing away what was typed. */
  function askBeforeClosing() {
    if (touched.size === 0) return close();
    if (asking.current) return;
    asking.current = true;
    void modal.confirm({
      title: t('dialog.discardTitle'),
      content: t('dialog.discardDetail'),
      okText: t('dialog.discard'),
      okButtonProps: { danger: true },
      cancelText: t('dialog.keepEditing'),
      onOk: close,
      afterClose: () => {
        asking.current = false;
      },
    });
  }
  /** Enter in a text field saves, as in pgAdmin (not in a drop-down, where Enter picks an option). */
  function saveOnEnter(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.getAttribute('role') === 'combobox')
      return;
    if (!['text', 'password', 'number', 'search'].includes(target.type)) return;
    event.preventDefault();
    void save();
  }
  async function save() {
    if (!form || !ready()) return;
    const answer = serverId
      ? await api['servers:update']({ id: serverId, form })
      : await api['servers:create']({ form });
    if (answer.ok) return onClose(answer.value, creating && form.connectNow);
    setSaveProblem(failureLine(answer.error));
  }
  const fieldProps = form ? { form, set, status } : null;
  return (
    <Modal
      open
      width={720}
      style={{ top: 32 }}
      // The body scrolls, so Test connection's facts never push Save off a short window.
      styles={{ body: { maxHeight: 'calc(100vh - 250px)', overflowY: 'auto', overflowX: 'hidden' } }}
      title={creating ? t('dialog.registerTitle') : t('dialog.propertiesTitle', { name: form?.name ?? '' })}
      onCancel={askBeforeClosing}
      afterOpenChange={focusOnOpen('server-name')}
      modalRender={(node) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: it only keeps Tab inside the dialog; no control of its own.
        <div onKeyDown={keepTabInside}>{node}</div>
      )}
      footer={[
        <ProblemStrip key="problems" messages={[...errors.values()]} />,
        <BusyButton key="test" onClick={() => void test()} busy={testing} disabled={!form}>
          {t('dialog.test')}
        </BusyButton>,
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
        <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }} onKeyDown={saveOnEnter}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'general',
                label: <TabLabel name={t('dialog.general')} problems={problemsOf('general')} />,
                forceRender: true,
                children: <GeneralTab {...fieldProps} groups={groups} creating={creating} />,
              },
              {
                key: 'connection',
                label: <TabLabel name={t('dialog.connection')} problems={problemsOf('connection')} />,
                forceRender: true,
                children: <ConnectionTab {...fieldProps} creating={creating} passwordSaved={passwordSaved} />,
              },
              {
                key: 'parameters',
                label: <TabLabel name={t('dialog.parameters')} problems={problemsOf('parameters')} />,
                forceRender: true,
                children: <ParametersTab {...fieldProps} />,
              },
              {
                key: 'ssh-tunnel',
                label: <TabLabel name={t('dialog.sshTunnel')} problems={problemsOf('ssh-tunnel')} />,
                forceRender: true,
                children: <SshTunnelTab {...fieldProps} />,
              },
            ]}
          />
        </Form>
      )}
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
          <>
            <Alert type="error" showIcon title={outcome.title} description={outcome.detail} />
            {form && <DiagnoseFailure form={form} serverId={serverId} failure={outcome.message} />}
          </>
        )}
        {saveProblem && <Alert type="error" showIcon title={saveProblem} style={{ marginTop: 8 }} />}
      </div>
    </Modal>
  );
}

/** A tab's name with a red count of the problems on it, as pgAdmin marks a tab with errors. */
function TabLabel({ name, problems }: { name: string; problems: number }) {
  if (problems === 0) return name;
  return (
    <span>
      {name}{' '}
      <Typography.Text type="danger" data-testid="tab-problems" title={t('dialog.tabProblems', { count: problems })}>
        {t('dialog.tabMarker', { count: problems })}
      </Typography.Text>
    </span>
  );
}

/** The strip above the buttons saying why Save is greyed out (pgAdmin's error strip at the dialog's bottom). */
function ProblemStrip({ messages }: { messages: string[] }) {
  return (
    <div aria-live="polite" data-testid="form-problems" style={{ textAlign: 'start', marginBottom: 8 }}>
      {messages.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('dialog.problems', { count: messages.length, messages: messages.join(' ') })}
        />
      )}
    </div>
  );
}
