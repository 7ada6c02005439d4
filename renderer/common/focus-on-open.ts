/**
 * A Modal's `afterOpenChange` that puts focus in the field with `id` once the dialog is open, unless a text field
 * already has it. `autoFocus` alone misses when antd does not animate (the OS asks for reduced motion): the field then
 * mounts while the dialog is still hidden, and antd's focus lock moves focus to the title bar's close button instead.
 */
export function focusOnOpen(id: string): (open: boolean) => void {
  return (open) => {
    const active = document.activeElement;
    if (!open || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
    document.getElementById(id)?.focus();
  };
}
