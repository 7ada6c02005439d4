import { Alert, Button, Input, List, Modal, Select, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { type FileType, fileNameOf, fileTypes, folderOf, matchesFileType, patternsOf } from './file-types';
import { keepTabInside } from './focus-cycle';

type Listing = {
  path: string;
  parent: string | null;
  entries: { name: string; path: string; kind: 'file' | 'folder' }[];
};

const typeLabels = { certificates: 'file.typeCertificates', keys: 'file.typeKeys', all: 'file.typeAll' } as const;

/**
 * A browser of the serving machine's folders, for certificate fields in server mode: a path box to type or paste a
 * folder or a file into, a file-type filter, and a list that scrolls inside the dialog on a short window.
 */
export function FileBrowser({
  title,
  startPath,
  fileType,
  onChoose,
  onCancel,
}: {
  title: string;
  /** The field's current file: the browser opens its folder. */
  startPath?: string;
  fileType: FileType;
  onChoose: (path: string) => void;
  onCancel: () => void;
}) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [typed, setTyped] = useState('');
  const [type, setType] = useState<FileType>(fileType);
  const [problem, setProblem] = useState<string | null>(null);
  const open = useCallback(async (path?: string): Promise<boolean> => {
    const answer = await api['files:list']({ path });
    if (!answer.ok) {
      setProblem(failureLine(answer.error));
      return false;
    }
    setListing(answer.value);
    setTyped(answer.value.path);
    setProblem(null);
    return true;
  }, []);
  useEffect(() => {
    const folder = startPath ? folderOf(startPath) : null;
    void open(folder ?? undefined).then((shown) => shown || !folder || open());
  }, [open, startPath]);
  /** The path box: a folder opens; a file in a readable folder is chosen. */
  async function go() {
    const path = typed.trim();
    if (!path || (await open(path))) return;
    const folder = folderOf(path);
    if (!folder) return;
    const answer = await api['files:list']({ path: folder });
    const file = answer.ok
      ? answer.value.entries.find((entry) => entry.kind === 'file' && entry.name === fileNameOf(path))
      : undefined;
    if (file) onChoose(file.path);
  }
  const files = listing?.entries.filter((entry) => entry.kind === 'file') ?? [];
  const hidden = files.filter((entry) => !matchesFileType(entry.name, type)).length;
  const shown = [
    ...(listing?.parent ? [{ name: '..', path: listing.parent, kind: 'folder' as const }] : []),
    ...(listing?.entries.filter((entry) => entry.kind === 'folder' || matchesFileType(entry.name, type)) ?? []),
  ];
  return (
    <Modal
      open
      width={640}
      style={{ top: 24 }}
      title={title}
      onCancel={onCancel}
      modalRender={(node) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: it only keeps Tab inside the dialog; no control of its own.
        <div onKeyDown={keepTabInside}>{node}</div>
      )}
      footer={
        // The file-type filter sits left of the buttons, as in a native file dialog.
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Select<FileType>
            aria-label={t('file.typeFilter')}
            style={{ flex: '0 1 380px', minWidth: 0, textAlign: 'start' }}
            value={type}
            onChange={setType}
            popupMatchSelectWidth={false}
            options={(Object.keys(fileTypes) as FileType[]).map((value) => ({
              value,
              label: t(typeLabels[value], { patterns: patternsOf(value) }),
            }))}
          />
          <span style={{ flex: 1 }} />
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!typed.trim()} onClick={() => void go()}>
            {t('file.open')}
          </Button>
        </div>
      }
    >
      <Input
        aria-label={t('file.pathBox')}
        placeholder={t('file.pathBoxPlaceholder')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onPressEnter={() => void go()}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
      <List
        size="small"
        aria-label={t('file.listOf', { folder: listing?.path ?? '' })}
        data-testid="file-list"
        // Scrolls inside the dialog: at 1024×768 the list, the path box and the buttons all stay on screen.
        style={{ maxHeight: 'max(120px, calc(100vh - 330px))', overflow: 'auto', marginTop: 8 }}
        dataSource={shown}
        renderItem={(entry) => (
          <List.Item style={{ padding: '2px 8px' }}>
            <Button
              type="link"
              title={entry.path}
              style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', padding: 0 }}
              onClick={() => (entry.kind === 'folder' ? void open(entry.path) : onChoose(entry.path))}
            >
              {entry.kind === 'folder' ? `${entry.name}/` : entry.name}
            </Button>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="file-count">
        {hidden > 0
          ? t('file.hiddenByFilter', { shown: files.length - hidden, count: hidden })
          : t('file.count', { count: files.length })}
      </Typography.Text>
    </Modal>
  );
}
