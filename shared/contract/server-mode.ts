/** The request header that carries the server-mode session secret (never a cookie: cookies are not scoped by port). */
export const sessionHeader = 'x-rdspg-session';

/** Where the page trades the one-time token of the printed URL for a session secret (POST {token}). */
export const signInPath = '/session/sign-in';

/** Where the page ends its session (POST with the session header). */
export const signOutPath = '/session/sign-out';

/** Codes the server-mode HTTP layer answers with outside any channel (besides the common ones, `session_ended` among them). */
export const serverModeErrorCodes = ['sign_in_link_invalid', 'request_too_large'] as const;

/** One of the server-mode HTTP layer's codes. */
export type ServerModeErrorCode = (typeof serverModeErrorCodes)[number];
