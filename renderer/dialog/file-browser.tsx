import { Alert, Button, List, Modal, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';

type Listing = {
  path: string;
  parent: string | null;
  entries: { name: string; path: string; kind: 'file' | 'folder' }[];
};

/** A small browser of the serving machine's folders, for certificate fields in server mode. */
export function FileBrowser({
  title,
  onChoose,
  onCancel,
}: {
  title: string;
  onChoose: (path: string) => void;
  onCancel: () => void;
}) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const open = useCallback(async (path?: string) => {
    const answer = await api['files:list']({ path });
    if (answer.ok) {
      setListing(answer.value);
      setProblem(null);
    } else setProblem(failureLine(answer.error));
  }, []);
  useEffect(() => {
    void open();
  }, [open]);
  return (
    <Modal open title={title} footer={null} onCancel={onCancel}>
      <Typography.Text code>{listing?.path}</Typography.Text>
      {problem && <Alert type="error" showIcon title={problem} />}
      <List
        size="small"
        style={{ maxHeight: 360, overflow: 'auto', marginTop: 8 }}
        dataSource={[
          ...(listing?.parent ? [{ name: '..', path: listing.parent, kind: 'folder' as const }] : []),
          ...(listing?.entries ?? []),
        ]}
        renderItem={(entry) => (
          <List.Item>
            <Button
              type="link"
              onClick={() => (entry.kind === 'folder' ? void open(entry.path) : onChoose(entry.path))}
            >
              {entry.kind === 'folder' ? `${entry.name}/` : entry.name}
            </Button>
          </List.Item>
        )}
      />
    </Modal>
  );
}
