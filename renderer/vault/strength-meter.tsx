import { Progress } from 'antd';
import { passwordStrength } from '../../shared/vault-strength';
import { type MessageKey, t } from '../i18n';

const colors = ['#ff4d4f', '#fa8c16', '#fadb14', '#52c41a', '#389e0d'];

/** A new master password's strength (the shared rule): a five-step bar and its word. */
export function StrengthMeter({ password }: { password: string }) {
  if (!password) return null;
  const { score } = passwordStrength(password);
  const label = t(`strength.${score}` as MessageKey);
  return (
    <div data-testid="strength-meter" style={{ marginTop: -8, marginBottom: 16 }}>
      <Progress
        percent={(score + 1) * 20}
        steps={5}
        size={[48, 6]}
        strokeColor={colors[score]}
        showInfo={false}
        aria-label={t('strength.meter', { label })}
      />
      <div style={{ fontSize: 12 }}>{t('strength.meter', { label })}</div>
    </div>
  );
}
