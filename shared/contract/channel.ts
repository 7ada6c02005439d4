import { z } from 'zod';

/** Codes every channel may answer with besides its own: a bad payload, a bug, no back end, a server-mode session ended. */
export const commonErrorCodes = ['invalid_request', 'internal_error', 'backend_unreachable', 'session_ended'] as const;

/** One request/response pair of the contract: the request schema and the schema of the Result it answers. */
export interface ChannelSpec<Request extends z.ZodType, Value extends z.ZodType, Code extends string> {
  request: Request;
  value: Value;
  codes: readonly Code[];
  response: z.ZodType<ChannelResult<z.infer<Value>, Code | (typeof commonErrorCodes)[number]>>;
}

/** What every channel answers: a value, or a coded failure with a message that says what to do. */
export type ChannelResult<Value, Code extends string> =
  | { ok: true; value: Value }
  | { ok: false; error: { code: Code; message: string } };

/** Declares a channel: its request schema, the schema of its value, and its closed set of failure codes. */
export function channel<Request extends z.ZodType, Value extends z.ZodType, const Code extends string = never>(
  request: Request,
  value: Value,
  codes: readonly Code[] = [],
): ChannelSpec<Request, Value, Code> {
  const allCodes = [...codes, ...commonErrorCodes] as unknown as [string, ...string[]];
  const response = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.enum(allCodes), message: z.string() }) }),
  ]);
  return { request, value, codes, response: response as unknown as ChannelSpec<Request, Value, Code>['response'] };
}

/** A request with nothing in it. */
export const emptyRequest = z.object({}).strict();

/** A response with nothing in it. */
export const emptyValue = z.object({});

// biome-ignore lint/suspicious/noExplicitAny: the generic bound of any channel spec
type AnySpec = ChannelSpec<any, any, any>;

/** The request type of a channel spec. */
export type RequestOf<Spec extends AnySpec> = z.input<Spec['request']>;

/** The response type (a Result) of a channel spec. */
export type ResponseOf<Spec extends AnySpec> = z.infer<Spec['response']>;

/** Turns a map of channel specs into the map of functions that call them. */
export type ApiOf<Specs extends Record<string, AnySpec>> = {
  [Name in keyof Specs]: (request: RequestOf<Specs[Name]>) => Promise<ResponseOf<Specs[Name]>>;
};
