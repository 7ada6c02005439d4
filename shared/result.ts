/** A failure that callers are expected to handle: a code from a closed union and a message for people. */
export interface Failure<Code extends string = string> {
  code: Code;
  message: string;
}

/** The outcome of an operation that can fail in expected ways: a value, or a coded failure. */
export type Result<Value, Code extends string = string> =
  | { ok: true; value: Value }
  | { ok: false; error: Failure<Code> };

/** Wraps a value as a successful result. */
export function ok<Value>(value: Value): { ok: true; value: Value } {
  return { ok: true, value };
}

/** Builds a failed result with a code and a message that tells the user what to do next. */
export function fail<Code extends string>(code: Code, message: string): { ok: false; error: Failure<Code> } {
  return { ok: false, error: { code, message } };
}
