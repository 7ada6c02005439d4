import { App } from 'antd';
import { useMemo } from 'react';
import { loadLaterStyles } from './later-styles';

/** An API object whose every call first waits for the later stylesheet, then answers as antd's own call would. */
type AfterStyles<Api> = {
  [Name in keyof Api]: Api[Name] extends (...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Awaited<Result>>
    : never;
};

function afterStyles<Api extends object>(api: Api): AfterStyles<Api> {
  const calls = Object.entries(api).map(([name, call]) => [
    name,
    async (...args: unknown[]) => {
      await loadLaterStyles();
      return (call as (...args: unknown[]) => unknown)(...args);
    },
  ]);
  return Object.fromEntries(calls) as AfterStyles<Api>;
}

/** The message and modal of this screen, as useStyledApp gives them. */
export type StyledApp = ReturnType<typeof useStyledApp>;

/**
 * antd's `message` and `modal` (App.useApp), each call waiting first for the later stylesheet, which holds their
 * rules: a confirm or message opened in the first second (a key pressed right after load) shows styled, not bare.
 * Every confirm, modal and message of the renderer goes through it.
 */
export function useStyledApp() {
  const { message, modal } = App.useApp();
  return useMemo(() => ({ message: afterStyles(message), modal: afterStyles(modal) }), [message, modal]);
}
