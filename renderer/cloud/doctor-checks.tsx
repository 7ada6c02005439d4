import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { isMessageKey, useLocale, useT } from '../i18n';
import { commandsOf, findingText } from '../i18n/doctor-messages';

/** A fix in words, its commands set as code: they read, and are copied, exactly as typed. */
function FixText({ text, commands }: { text: string; commands: string[] }) {
  if (commands.length === 0) return <Typography.Text type="secondary">{text}</Typography.Text>;
  const pattern = new RegExp(
    `(${commands.map((command) => command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  );
  return (
    <Typography.Text type="secondary">
      {text.split(pattern).map((part, index) =>
        // Odd parts are the commands the pattern captured.
        index % 2 === 1 ? (
          <Typography.Text key={part} code copyable>
            {part}
          </Typography.Text>
        ) : (
          part
        ),
      )}
    </Typography.Text>
  );
}

/**
 * The doctor's checks in order: name, result, what was found and, under a failed check, what to do about it, in
 * the UI language (rendered from each check's finding); with a one-click fix when given.
 */
export function DoctorChecks({
  checks,
  renderFix,
}: {
  checks: DoctorCheck[];
  renderFix?: (check: DoctorCheck) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const name = (check: DoctorCheck) => {
    const key = `connect.check.${check.name}`;
    return isMessageKey(key) ? t(key) : check.name;
  };
  const detail = (check: DoctorCheck) => {
    const text = findingText(check.finding, locale);
    if (check.ok || !text.fix) return text.detail;
    return (
      <Flex vertical gap={4} align="flex-start">
        {text.detail}
        <FixText text={text.fix} commands={commandsOf(check.finding)} />
      </Flex>
    );
  };
  return (
    <>
      {checks.every((check) => check.ok) && <Alert type="success" showIcon title={t('connect.allPassed')} />}
      <Table
        data-testid="doctor-checks"
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={checks}
        columns={[
          {
            key: 'name',
            title: t('connect.check'),
            width: 150,
            render: (_: unknown, check: DoctorCheck) => name(check),
          },
          {
            key: 'ok',
            title: t('connect.result'),
            render: (_: unknown, check: DoctorCheck) => (
              <Tag color={check.ok ? 'success' : 'error'}>{check.ok ? t('connect.ok') : t('connect.failed')}</Tag>
            ),
          },
          { key: 'detail', title: t('connect.detail'), render: (_: unknown, check: DoctorCheck) => detail(check) },
          ...(renderFix
            ? [
                {
                  key: 'fix',
                  title: t('connect.fix'),
                  render: (_: unknown, check: DoctorCheck) => (check.ok ? null : renderFix(check)),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
