import { errorHeadline } from './i18n/labels';

/** A failure as the UI shows it: a headline, the code, and the message that says what to do. */
export function describeFailure(error: { code: string; message: string }): { title: string; detail: string } {
  const title = errorHeadline(error.code) ?? error.code.replaceAll('_', ' ');
  return { title: `${title} [${error.code}]`, detail: error.message };
}
