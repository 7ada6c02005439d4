import type { ServerForm } from '../../shared/contract/server-form';

/** The validation state of one field, as antd's Form.Item takes it. */
export interface FieldStatus {
  validateStatus?: 'error';
  help?: string;
}

/** What every tab of the server dialog gets: the form, a setter, and each field's status. */
export interface FieldProps {
  form: ServerForm;
  /** Changes the form; `touched` names what the user edited (default: the changed fields) so only it turns red. */
  set: (change: Partial<ServerForm>, touched?: string[]) => void;
  status: (path: string) => FieldStatus;
}
