import { useCallback, useState } from 'react';
import { failureLine } from '../errors';

/** A channel's answer, as the bridge gives it. */
export type Answer<Value> = { ok: true; value: Value } | { ok: false; error: { code: string; message: string } };

/** A call of the cloud panel with its busy flag and its failure as text (the headline, the code, the next step). */
export function useRdsAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async <Value>(call: () => Promise<Answer<Value>>): Promise<Value | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await call();
      if (answer.ok) return answer.value;
      setProblem(failureLine(answer.error));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, run };
}
