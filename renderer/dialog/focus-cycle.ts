import type { KeyboardEvent } from 'react';

const focusableSelector = 'button, [href], input, select, textarea, [tabindex]';

/**
 * Keeps Tab inside a dialog: from its last control to its first and back with Shift+Tab, so focus never falls to the
 * page body (antd's own trap loses it when the last footer button is disabled).
 */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(focusableSelector)].filter(
    (element) => element.tabIndex >= 0 && !element.hasAttribute('disabled') && element.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  }
}
