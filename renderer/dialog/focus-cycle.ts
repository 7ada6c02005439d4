import type { KeyboardEvent } from 'react';

const focusableSelector = 'button, [href], input, select, textarea, [tabindex]';

/**
 * Stops Tab leaves out: the title bar's close button (Escape does the same and asks first), a tab panel (its fields
 * are the stops), antd's invisible focus guards, and the unchecked buttons of a radio group (arrows move inside it).
 */
const skippedSelector = '.ant-modal-close, [role="tabpanel"], [aria-hidden="true"], input[type="radio"]:not(:checked)';

/** The dialog's Tab stops in order: the tab strip, the shown tab's fields, then the footer buttons. */
function tabStops(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(focusableSelector)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.hasAttribute('disabled') &&
      !element.matches(skippedSelector) &&
      // Shown and not `visibility: hidden` (antd keeps a hidden tabs-overflow button and clear buttons around).
      element.checkVisibility({ visibilityProperty: true }),
  );
}

/**
 * Keeps Tab inside a dialog, in the order tabs → fields → footer and round again, so focus never falls to the page
 * body (antd's own trap loses it when the last footer button is disabled) and the tabs come right after the footer,
 * never behind the close button. A nested dialog handles its own Tab first.
 */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !event.currentTarget.contains(active)) return;
  const stops = tabStops(event.currentTarget);
  if (stops.length === 0) return;
  // The next stop in document order (also from a skipped element, such as a tab panel that was clicked), round again.
  const after = stops.filter((stop) => active.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = stops.filter((stop) => active.compareDocumentPosition(stop) === Node.DOCUMENT_POSITION_PRECEDING);
  const next = event.shiftKey ? (before.at(-1) ?? stops.at(-1)) : (after[0] ?? stops[0]);
  event.preventDefault();
  next?.focus();
}
