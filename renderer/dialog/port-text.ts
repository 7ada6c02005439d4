/**
 * The form's port from what was typed: one valid port as a number, anything else (a list such as `5432,5433`, an empty
 * box, a bad port) as the text itself, so the registry keeps lists as libpq does and a bad item is named in the message.
 */
export function portOfText(text: string): number | string {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535 ? Number(text) : text;
}
