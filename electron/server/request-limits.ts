/** How deep a JSON request may nest objects and arrays (the contract's deepest payload is far shallower). */
export const maxJsonDepth = 32;

/** Whether a JSON text nests objects and arrays deeper than `limit`; scanned before parsing, strings skipped. */
export function jsonTooDeep(text: string, limit = maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > limit) return true;
    } else if (char === '}' || char === ']') depth--;
  }
  return false;
}

/** A URL path with its %-escapes decoded, or null when an escape is malformed. */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
