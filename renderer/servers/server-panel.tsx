import { Alert, Button, Descriptions, Empty, Popconfirm, Space, Typography } from 'antd';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import type { SslMode } from '../../shared/libpq-keywords';
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
  actions: ServerActions;
  busy: boolean;
  problem: { title: string; detail: string } | null;
}) {
  const { server, state, actions, busy, problem } = props;
  if (!server) return <Empty description="Select a server, or use Register > Server… to add one." />;
  return (
    <section aria-label={`Server ${server.name}`} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {server.name}
      </Typography.Title>
      <Space wrap>
        {state ? (
          <Button onClick={() => actions.disconnect(server)} loading={busy}>
            Disconnect
          </Button>
        ) : (
          <Button type="primary" onClick={() => actions.connect(server)} loading={busy}>
            Connect
          </Button>
        )}
        {state && <QueryToolButton server={server} />}
        <Button onClick={() => actions.properties(server)}>Properties</Button>
        <Button onClick={() => actions.clearPassword(server)} disabled={!server.passwordSaved}>
          Clear saved password
        </Button>
        <Popconfirm
          title={`Delete ${server.name}?`}
          description="Its saved passwords are deleted too."
          okText="Delete"
          okButtonProps={{ danger: true }}
          onConfirm={() => actions.remove(server)}
        >
          <Button danger>Delete</Button>
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
            label: 'State',
            children: state ? (state.facts.ssl ? 'Connected, SSL in use' : 'Connected, no SSL') : 'Not connected',
          },
          { key: 'host', label: 'Host name/address', children: `${server.host}:${server.port}` },
          { key: 'user', label: 'Username', children: server.username },
          { key: 'db', label: 'Maintenance database', children: server.maintenanceDatabase },
          { key: 'sslmode', label: 'SSL mode', children: sslModeLabels[server.sslmode as SslMode] ?? server.sslmode },
          { key: 'saved', label: 'Saved password', children: server.passwordSaved ? 'Yes' : 'No' },
        ]}
      />
      {state && <SslFacts facts={state.facts} title="SSL" />}
    </section>
  );
}
