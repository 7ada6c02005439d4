import { Input, Select, Typography } from 'antd';
import { libpqKeywordMap, sslModes } from '../../shared/libpq-keywords';
import { t } from '../i18n';
import { keywordLabel, sslModeDescription } from '../i18n/labels';
import { sslModeLabels } from '../ssl-mode-labels';
import { FileField } from './file-field';

/** The value editor of one Parameters row, chosen by the keyword's kind; its accessible name is the label. */
export function ParameterEditor({
  keyword,
  value,
  onChange,
  id,
}: {
  keyword: string;
  value: string;
  onChange: (value: string) => void;
  id: string;
}) {
  const entry = libpqKeywordMap.get(keyword);
  const label = keywordLabel(keyword);
  if (keyword === 'sslmode') {
    return (
      <div>
        <Select
          id={id}
          aria-label={label}
          style={{ width: '100%' }}
          value={value}
          onChange={onChange}
          virtual={false}
          listHeight={480}
          optionLabelProp="title"
          options={sslModes.map((mode) => ({
            value: mode,
            title: sslModeLabels[mode],
            label: (
              <div>
                <div>{sslModeLabels[mode]}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {sslModeDescription(mode)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sslModeDescription(value)}
        </Typography.Text>
      </div>
    );
  }
  if (entry?.kind === 'enum' && entry.values)
    return (
      <Select
        id={id}
        aria-label={label}
        style={{ width: '100%' }}
        value={value || undefined}
        onChange={onChange}
        options={entry.values.map((item) => ({ value: item, label: item }))}
      />
    );
  if (entry?.kind === 'boolean')
    return (
      <Select
        id={id}
        aria-label={label}
        style={{ width: '100%' }}
        value={value || undefined}
        onChange={onChange}
        options={[
          { value: '1', label: t('boolean.yes') },
          { value: '0', label: t('boolean.no') },
        ]}
      />
    );
  if (entry?.kind === 'file')
    return <FileField id={id} keyword={keyword} label={label} value={value} onChange={onChange} />;
  if (entry?.kind === 'password')
    return (
      <Input.Password
        id={id}
        aria-label={label}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  return (
    <Input
      id={id}
      aria-label={label}
      inputMode={entry?.kind === 'integer' ? 'numeric' : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
