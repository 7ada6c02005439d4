import { Alert, Button, Select, Table } from 'antd';
import { verifyingSslModes } from '../../shared/contract/server-form';
import { libpqKeywords } from '../../shared/libpq-keywords';
import type { ParameterRow } from '../../shared/server-schema';
import { t } from '../i18n';
import { keywordLabel } from '../i18n/labels';
import type { FieldProps } from './field-props';
import { ParameterEditor } from './parameter-editor';

const connectionTabKeywords = ['host', 'port', 'dbname', 'user', 'password'];

/** The Parameters tab: a table of libpq keyword rows (name, value), with rows added from the catalogue. */
export function ParametersTab({ form, set, status }: FieldProps) {
  const rows = form.parameters;
  const present = new Set(rows.map((row) => row.keyword));
  const addable = libpqKeywords.filter(
    (entry) => !present.has(entry.keyword) && !connectionTabKeywords.includes(entry.keyword),
  );
  const change = (index: number, value: string) => {
    const next = rows.map((row, position) => (position === index ? { ...row, value } : row));
    const mode = next.find((row) => row.keyword === 'sslmode')?.value ?? '';
    const verifying = (verifyingSslModes as readonly string[]).includes(mode);
    if (verifying && !next.some((row) => row.keyword === 'sslrootcert'))
      next.push({ keyword: 'sslrootcert', value: '' });
    // Only the edited row counts as touched: the Root certificate row that Verify-Full adds is not red at once.
    set({ parameters: next }, [`parameters.${index}`]);
  };
  const remove = (index: number) => set({ parameters: rows.filter((_, position) => position !== index) });
  const add = (keyword: string) => {
    const entry = libpqKeywords.find((item) => item.keyword === keyword);
    set({ parameters: [...rows, { keyword, value: entry?.defaultValue ?? '' }] });
  };
  const missingRoot = status('parameters.sslrootcert');
  return (
    <>
      <Table<ParameterRow & { index: number }>
        size="small"
        // Fixed: a long file path shortens with an ellipsis instead of widening the table past the dialog.
        tableLayout="fixed"
        pagination={false}
        rowKey="keyword"
        dataSource={rows.map((row, index) => ({ ...row, index }))}
        columns={[
          {
            title: t('parameters.name'),
            dataIndex: 'keyword',
            width: '35%',
            render: (keyword: string) => <label htmlFor={`parameter-${keyword}`}>{keywordLabel(keyword)}</label>,
          },
          {
            title: t('parameters.value'),
            render: (_, row) => {
              const problem = status(`parameters.${row.index}.value`).help;
              return (
                <div>
                  <ParameterEditor
                    id={`parameter-${row.keyword}`}
                    keyword={row.keyword}
                    value={row.value}
                    onChange={(value) => change(row.index, value)}
                  />
                  {problem && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{problem}</div>}
                </div>
              );
            },
          },
          {
            title: <span className="visually-hidden">{t('parameters.delete')}</span>,
            width: 48,
            render: (_, row) => (
              <Button
                type="text"
                danger
                aria-label={t('parameters.deleteRow', { keyword: row.keyword })}
                onClick={() => remove(row.index)}
              >
                ✕
              </Button>
            ),
          },
        ]}
      />
      {missingRoot.help && !present.has('sslrootcert') && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title={missingRoot.help} />
      )}
      <Select
        aria-label={t('parameters.add')}
        placeholder={t('parameters.addPlaceholder')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%', marginTop: 12 }}
        value={null}
        onChange={(keyword: string) => add(keyword)}
        options={addable.map((entry) => ({ value: entry.keyword, label: keywordLabel(entry.keyword) }))}
      />
    </>
  );
}
