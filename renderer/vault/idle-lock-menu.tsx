import { useEffect, useState } from 'react';
import type { AppSettings } from '../../shared/contract/settings';
import { idleLockChoices } from '../../shared/idle-lock';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { MenuButton } from '../menu-button';
import { useStyledApp } from '../styled-app';

type Minutes = AppSettings['idleLockMinutes'];

function choiceLabel(minutes: Minutes): string {
  return minutes === 0 ? t('idleLock.off') : t('idleLock.minutes', { count: minutes });
}

/** The idle timeout menu (auto-lock): off, 5, 15 or 60 minutes; the main side (or server mode) keeps and honours it. */
export function IdleLockMenu() {
  const { message } = useStyledApp();
  const [minutes, setMinutes] = useState<Minutes | null>(null);
  useEffect(() => {
    void api['settings:get']({}).then((answer) => {
      if (answer.ok) setMinutes(answer.value.idleLockMinutes);
    });
  }, []);
  async function choose(next: Minutes) {
    const answer = await api['settings:set']({ idleLockMinutes: next });
    if (!answer.ok) {
      return message.error(failureLine(answer.error));
    }
    setMinutes(answer.value.idleLockMinutes);
  }
  return (
    <MenuButton
      role="menuitem"
      aria-label={t('idleLock.label')}
      title={t('idleLock.hint')}
      menu={{
        selectable: true,
        selectedKeys: minutes === null ? [] : [String(minutes)],
        items: idleLockChoices.map((choice) => ({ key: String(choice), label: choiceLabel(choice) })),
        onClick: ({ key }) => void choose(Number(key) as Minutes),
      }}
    >
      {minutes === null ? t('idleLock.label') : t('idleLock.current', { choice: choiceLabel(minutes) })}
    </MenuButton>
  );
}
