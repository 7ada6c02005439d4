import type { ActionBody, ActionParameters, SandboxReadState } from './read-actions';

/**
 * DescribeDBInstanceSSL in the instance's engine's form. PostgreSQL answers SSLEnabled `on`/`off` and RequireUpdate
 * `0`/`1`; MySQL (and SQL Server) answer `Yes`/`No` for both (DescribeDBInstanceSSL reference, per engine).
 */
export function sslAnswerForEngine(
  state: SandboxReadState,
  parameters: ActionParameters,
  body: ActionBody,
): ActionBody {
  const instance = parameters.DBInstanceId ? state.instances.get(parameters.DBInstanceId) : undefined;
  if (instance?.engine !== 'MySQL') return body;
  return {
    ...body,
    SSLEnabled: body.SSLEnabled === 'on' ? 'Yes' : 'No',
    RequireUpdate: body.RequireUpdate === '1' ? 'Yes' : 'No',
  };
}
