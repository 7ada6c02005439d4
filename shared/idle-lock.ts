// Kept apart from the settings contract (zod) so that the first screen's menu loads without the schemas.

/** The idle auto-lock choices in minutes; 0 is off. */
export const idleLockChoices = [0, 5, 15, 60] as const;

/** The idle auto-lock of a fresh install, in minutes. */
export const defaultIdleLockMinutes = 15;
