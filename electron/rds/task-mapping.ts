import type { RdsScheduledTask } from '../../shared/contract/rds';
import type { rdsSdk } from './sdk-client';

/** The language RDS localizes texts in (AcceptLanguage of DescribeRegions; *En / *Zh fields elsewhere). */
export type ApiLanguage = 'en-US' | 'zh-CN';

// The reference lists no TaskType for the certificate renewal (only rds_apsaradb_ha / _transfer / _upgrade /
// _maxscale), so the renewal is recognised by its type or English reason mentioning SSL or a certificate: inferred.
const sslPattern = /ssl|certificate|cert_/i;
const restartImpacts = /disconnect|restart|switch/i;

function text(value: string | undefined): string | null {
  return value ? value : null;
}

/** DescribeActiveOperationTasks' items in the app's shape, with texts in the given language. */
export function toScheduledTasks(
  body: rdsSdk.DescribeActiveOperationTasksResponseBody,
  language: ApiLanguage,
): RdsScheduledTask[] {
  return (body.items ?? []).map((item) => {
    const chinese = language === 'zh-CN';
    const reason = (chinese ? item.taskTypeZh : item.taskTypeEn) || item.taskTypeEn || item.taskType || '';
    const impact = item.impact ?? '';
    return {
      taskId: item.id ?? 0,
      instanceId: item.insName ?? '',
      taskType: item.taskType ?? '',
      description: reason,
      switchTime: text(item.switchTime),
      deadline: text(item.deadline),
      impact,
      impactText: (chinese ? item.impactZh : item.impactEn) || item.impactEn || impact,
      restart: restartImpacts.test(`${impact} ${item.impactEn ?? ''}`),
      sslRenewal: sslPattern.test(`${item.taskType ?? ''} ${item.taskTypeEn ?? ''}`),
    };
  });
}

/** The pending SSL certificate renewal among an instance's tasks (the earliest), or null. */
export function scheduledRenewal(tasks: RdsScheduledTask[]): RdsScheduledTask | null {
  const renewals = tasks.filter((task) => task.sslRenewal);
  renewals.sort((left, right) => (left.switchTime ?? '').localeCompare(right.switchTime ?? ''));
  return renewals[0] ?? null;
}

/** The API language for a UI language ('en' or 'zh-CN'; English when none is given). */
export function apiLanguageOf(uiLanguage: 'en' | 'zh-CN' | undefined): ApiLanguage {
  return uiLanguage === 'zh-CN' ? 'zh-CN' : 'en-US';
}
