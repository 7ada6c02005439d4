import { createElement, type ReactNode } from 'react';
import { FailureDetail } from './failure-detail';
import { getLocale, isMessageKey, t } from './i18n';
import { errorHeadline } from './i18n/labels';

/** A failure's next step from the catalogue, in the UI language; null for a code the catalogue lacks. */
function adviceFor(code: string): string | null {
  const key = `advice.${code}`;
  return isMessageKey(key) ? t(key) : null;
}

/** A failure's headline in the UI language, with its code. */
function titleOf(code: string): string {
  return `${errorHeadline(code) ?? code.replaceAll('_', ' ')} [${code}]`;
}

/**
 * A failure as the UI shows it: a headline with the code, and what to do. The main process writes its messages in
 * English: the English UI shows them as they are; other languages show the catalogue's next step, the message
 * behind "details".
 */
export function describeFailure(error: { code: string; message: string }): { title: string; detail: ReactNode } {
  const title = titleOf(error.code);
  const advice = adviceFor(error.code);
  if (getLocale() === 'en' || !advice) return { title, detail: error.message };
  return { title, detail: createElement(FailureDetail, { advice, raw: error.message }) };
}

/** A failure in one line of text (for messages and notices): the headline and the message or next step. */
export function failureLine(error: { code: string; message: string }): string {
  const title = titleOf(error.code);
  const advice = getLocale() === 'en' ? null : adviceFor(error.code);
  return advice ? `${title}：${advice}` : `${title}: ${error.message}`;
}

/** A failure ready to show: what describeFailure gives. */
export type ShownFailure = ReturnType<typeof describeFailure>;
