import { App } from 'antd';
import { useEffect } from 'react';
import type { AntAppApi } from './styled-app';

function Publish({ onApi }: { onApi: (api: AntAppApi) => void }) {
  const api = App.useApp();
  useEffect(() => onApi(api), [api, onApi]);
  return null;
}

/** antd's App without its wrapper element (AppFrame draws that): its message, modal and notification holders. */
export function AppHolder({ onApi }: { onApi: (api: AntAppApi) => void }) {
  return (
    <App component={false}>
      <Publish onApi={onApi} />
    </App>
  );
}
