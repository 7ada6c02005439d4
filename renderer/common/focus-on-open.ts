/**
 * A Modal's `afterOpenChange` that puts focus in the field with `id` once the dialog is open, unless a text field
 * already has it. `autoFocus` alone misses when antd does not animate (the OS asks for reduced motion): the field never
 * receives focus, and antd's focus lock gives it to the first focusable element, the title bar's close button.
 */
export function focusOnOpen(id: string): (open: boolean) => void {
  return (open) => {
    const active = document.activeElement;
    if (!open || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
    document.getElementById(id)?.focus();
  };
}
