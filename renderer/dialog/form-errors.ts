import type { z } from 'zod';
import { type ServerForm, serverForm } from '../../shared/contract/server-form';
import { translateFormMessage } from '../i18n/form-messages';

/** The problems of a form by field path (`name`, `parameters.2.value`, `parameters.sslrootcert`). */
export type FormErrors = Map<string, string>;

/** Checks a form with the very schema the main process uses; the first message per field. */
export function validateForm(form: ServerForm): FormErrors {
  const errors: FormErrors = new Map();
  const parsed = serverForm.safeParse(form);
  if (parsed.success) return errors;
  for (const issue of (parsed.error as z.ZodError).issues) {
    const key = issue.path.map(String).join('.');
    if (!errors.has(key)) errors.set(key, translateFormMessage(issue.message));
  }
  return errors;
}
