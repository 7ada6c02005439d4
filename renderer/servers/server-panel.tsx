import { Alert, Button, Descriptions, Empty, Popconfirm, Space, Typography } from 'antd';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import type { SslMode } from '../../shared/libpq-keywords';
import { serverAddress } from '../../shared/server-address';
import { BusyButton } from '../common/busy-button';
import type { ShownFailure } from '../errors';
import { t } from '../i18n';
import { keywordLabel } from '../i18n/labels';
import { QueryToolButton } from '../query/query-tool-button';
import { sslModeLabels } from '../ssl-mode-labels';
import { SslFacts } from './ssl-panel';

/** What a server panel can ask for. */
export interface ServerActions {
  connect(server: ServerSummary): void;
  disconnect(server: ServerSummary): void;
  properties(server: ServerSummary): void;
  remove(server: ServerSummary): void;
  clearPassword(server: ServerSummary): void;
}

/** The selected server: its facts, its actions, and the SSL panel while connected. */
export function ServerPanel(props: {
  server: ServerSummary | null;
  state: OpenConnectionState | undefined;
  /** The database chosen in the tree; the Query Tool opens on it. */
  database?: string;
  actions: ServerActions;
  busy: boolean;
  problem: ShownFailure | null;
}) {
  const { server, state, actions, busy, problem } = props;
  if (!server) return <Empty description={t('panel.empty')} />;
  return (
    <section
      aria-label={t('panel.server', { name: server.name })}
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
    >
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {server.name}
      </Typography.Title>
      <Space wrap>
        {state ? (
          <BusyButton onClick={() => actions.disconnect(server)} busy={busy}>
            {t('panel.disconnect')}
          </BusyButton>
        ) : (
          <BusyButton type="primary" onClick={() => actions.connect(server)} busy={busy}>
            {t('panel.connect')}
          </BusyButton>
        )}
        {state && <QueryToolButton server={server} database={props.database} />}
        <Button onClick={() => actions.properties(server)}>{t('panel.properties')}</Button>
        <Button onClick={() => actions.clearPassword(server)} disabled={!server.passwordSaved}>
          {t('panel.clearPassword')}
        </Button>
        <Popconfirm
          title={t('panel.deleteConfirm', { name: server.name })}
          description={t('panel.deleteNote')}
          okText={t('panel.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => actions.remove(server)}
        >
          <Button danger>{t('panel.delete')}</Button>
        </Popconfirm>
      </Space>
      <div aria-live="polite">
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'state',
            label: t('panel.state'),
            children: state
              ? state.facts.ssl
                ? t('panel.connectedSsl')
                : t('panel.connectedNoSsl')
              : t('panel.notConnected'),
          },
          { key: 'address', label: t('panel.address'), children: serverAddress(server) },
          ...(server.service ? [{ key: 'service', label: t('field.service'), children: server.service }] : []),
          {
            key: 'sslmode',
            label: keywordLabel('sslmode'),
            children: sslModeLabels[server.sslmode as SslMode] ?? server.sslmode,
          },
          {
            key: 'saved',
            label: t('panel.savedPassword'),
            children: server.passwordSaved ? t('common.yes') : t('common.no'),
          },
        ]}
      />
      {state && <SslFacts facts={state.facts} title={t('ssl.title')} />}
    </section>
  );
}
