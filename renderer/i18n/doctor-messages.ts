import type { DoctorFinding, DoctorFindingParams } from '../../shared/contract/doctor-finding';
import { englishFinding, type FindingCatalog, type FindingText, renderFinding } from '../../shared/doctor-finding-text';
import type { Locale } from '../../shared/locales';
import { accountStatusName, instanceStatusName } from '../../shared/rds-console-names';
import { errorMessagesZhCN } from './error-messages';

// The doctor's findings in Simplified Chinese, with the words of the RDS console (白名单, 外网地址, 连接地址, 云证书,
// 高权限账号…). Commands, hosts, addresses and files are the finding's parameters, shown verbatim.

const whitelist = (entries: string[]) => `（${entries.join('、') || '空'}）`;
const certificate = (item: { subject: string; fingerprint: string }) =>
  `${item.subject}（SHA-256 ${item.fingerprint}）`;
const download = (command: string) =>
  `用“${command}”下载CA证书，并以DIR/ApsaraDB-CA-Chain.pem作为根证书（sslrootcert）`;
const allocate = (command: string) => `用“${command}”申请外网地址`;
const typeAddress = (doctorCommand: string, addCommand: string) =>
  `请输入本机地址：“${doctorCommand}”（ipinfo.io等网站可查到本机的公网地址），然后用“${addCommand}”将其加入白名单`;
/** A failure as its code and the catalogue's Chinese headline for it, else its own (English) message. */
const failed = (failure: { code: string; message: string }) => {
  const key = `error.${failure.code}`;
  const headline = Object.hasOwn(errorMessagesZhCN, key)
    ? errorMessagesZhCN[key as keyof typeof errorMessagesZhCN]
    : null;
  return headline ? `${failure.code}：${headline}` : failure.message;
};
const addressDetail = (p: DoctorFindingParams<'whitelist_has_address'>, listed: boolean) => {
  const source = p.seenByServer ? `服务器看到本机的地址是${p.address}${p.typed ? `（不是${p.typed}）` : ''}：` : '';
  return `${source}${p.address}${listed ? '在' : '不在'}白名单${whitelist(p.whitelist)}中`;
};
const expiry = (expired: boolean) => (p: DoctorFindingParams<'certificate_expires'>) => {
  const date = p.expiresAt ?? '未知';
  const update = p.updateRequired ? `；需要更新${p.updateReason ? `：${p.updateReason}` : ''}` : '';
  return {
    detail: `${expired ? `已于${date}过期` : `有效期至${date}`}${update}`,
    fix: p.custom
      ? `用“${p.command}”上传新的自定义证书`
      : `用“${p.command}”更新证书（RDS也会在云证书到期前7天自动更新）`,
  };
};
const unlock = '在控制台的“账号管理”中解锁该账号（UnlockAccount），然后重试';
const status = (raw: string) => accountStatusName(raw, 'zh-CN');

/** The doctor's findings in Simplified Chinese. */
export const chineseFindings: FindingCatalog = {
  instance_status: (p) => ({
    detail: `实例状态：${instanceStatusName(p.status, 'zh-CN')}`,
    fix: '请等待实例变为“运行中”',
  }),
  endpoint_none: (p) => ({ detail: '没有外网地址', fix: allocate(p.command) }),
  endpoint_not_of_instance: (p) => ({ detail: `${p.host}不是${p.instanceId}的连接地址`, fix: allocate(p.command) }),
  endpoint_hostaddr: (p) => ({ detail: `${p.host}：已指定地址${p.hostaddr}（与libpq相同，不做DNS解析）`, fix: null }),
  endpoint_resolved: (p) => ({ detail: `${p.host}：解析为${p.address}`, fix: null }),
  endpoint_unresolved: (p) => ({
    detail: `${p.host}：无法解析`,
    fix: `请检查本机的DNS（新的连接地址可能需要约一分钟才能解析），或设置hostaddr=${p.ipAddress}`,
  }),
  whitelist_has_address: (p) => ({ detail: addressDetail(p, true), fix: null }),
  whitelist_missing_address: (p) => ({ detail: addressDetail(p, false), fix: `用“${p.command}”将其加入白名单` }),
  whitelist_reached_authentication: (p) => ({
    detail: `服务器已让本机进入身份验证；白名单${whitelist(p.whitelist)}`,
    fix: null,
  }),
  whitelist_server_unreachable: (p) => ({
    detail: `白名单${whitelist(p.whitelist)}；本机地址未知：无法连接服务器（${failed(p.failure)}）`,
    fix: typeAddress(p.doctorCommand, p.addCommand),
  }),
  whitelist_not_probed: (p) => ({
    detail: `白名单${whitelist(p.whitelist)}；本机地址未知：未尝试连接`,
    fix: typeAddress(p.doctorCommand, p.addCommand),
  }),
  ssl_unavailable: (p) => ({
    detail: `SSL不可用：${p.reason}`,
    fix: 'SSL需要云盘上的PostgreSQL 10及以上版本，Serverless实例不支持',
  }),
  ssl_off: (p) => ({ detail: 'SSL未开启', fix: `用“${p.command}”保护该连接地址` }),
  ssl_other_endpoint: (p) => ({
    detail: `SSL已开启，受保护的连接地址是${p.protectedHost}，不是${p.host}：以Verify-Full连接${p.host}会失败（hostname_mismatch，证书只包含${p.protectedHost}）`,
    fix: `请连接${p.protectedHost}，或用“${p.command}”保护该地址（云证书只保护一个连接地址）`,
  }),
  ssl_protecting: (p) => ({ detail: `SSL已开启，受保护的连接地址是${p.protectedHost}`, fix: '请先申请外网地址' }),
  certificate_ssl_off: (p) => ({ detail: '无证书（SSL未开启）', fix: `请先开启SSL（“${p.command}”）` }),
  certificate_expires: expiry(false),
  certificate_expired: expiry(true),
  root_ssl_off: () => ({ detail: '无CA证书可检查（SSL未开启）', fix: '请先开启SSL' }),
  root_custom: () => ({ detail: '自定义证书：根证书是您自己的CA（不比较）', fix: null }),
  root_not_checked: (p) => ({
    detail: '未检查：未指定已保存的服务器（比较的是它的根证书）',
    fix: `用--server NAME指定一个，或${download(p.command)}`,
  }),
  root_ca_unavailable: (p) => ({ detail: `实例的CA证书：${failed(p.failure)}`, fix: download(p.command) }),
  root_unreadable: (p) => ({ detail: `无法读取${p.file}（${p.message}）`, fix: download(p.command) }),
  root_invalid: (p) => ({ detail: `无法读取${p.file}中的证书（${failed(p.failure)}）`, fix: download(p.command) }),
  root_matches: (p) => ({ detail: `${p.file}包含实例的CA证书${certificate(p.ca)}`, fix: null }),
  root_mismatch: (p) => ({
    detail: `${p.file}包含${p.held.map(certificate).join('、') || '无'}，不是实例的CA证书${p.wanted.map(certificate).join('、')}：Verify-Full会失败（certificate_untrusted）`,
    fix: download(p.command),
  }),
  accounts_listed: (p) => ({
    detail: `账号：${p.accounts.join('、') || '无'}`,
    fix: `用“${p.command}”创建一个账号（RDS用户无法以postgres登录）`,
  }),
  account_missing: (p) => ({ detail: `账号${p.user}不存在`, fix: `用“${p.command}”创建该账号` }),
  account_exists: (p) => ({ detail: `账号${p.user}存在`, fix: null }),
  account_unavailable: (p) => ({
    detail: `账号${p.user}的状态为${status(p.status)}（已锁定，或仍在创建中）`,
    fix: unlock,
  }),
  account_login_refused: (p) => ({
    detail: `账号${p.user}的状态为${status(p.status)}；服务器拒绝：角色“${p.user}”不允许登录（已锁定）`,
    fix: unlock,
  }),
  database_not_checked: () => ({
    detail: '未检查：未指定已保存的服务器',
    fix: '用--server NAME指定一个（将尝试它的数据库、用户和密码）',
  }),
  database_exists: (p) => ({ detail: `数据库${p.dbname}存在（已连接）`, fix: null }),
  database_missing: (p) => ({
    detail: `数据库${p.dbname}不存在（服务器返回：${p.serverMessage}）`,
    fix: '请创建该数据库（控制台的“数据库管理 > 创建数据库”，或以高权限账号执行CREATE DATABASE），或连接到postgres',
  }),
  database_connection_failed: (p) => ({
    detail: `未检查：连接先失败了（${failed(p.failure)}）`,
    fix: '请先修复上面的检查项，再重新诊断',
  }),
};

/** A doctor finding in a UI language: English as the CLI prints it, Chinese from the catalog above. */
export function findingText(finding: DoctorFinding, locale: Locale): FindingText {
  return locale === 'en' ? englishFinding(finding) : renderFinding(chineseFindings, finding);
}

/** The commands a finding's fix names (to show as code): its parameters named command, doctorCommand, addCommand. */
export function commandsOf(finding: DoctorFinding): string[] {
  return Object.entries(finding.params)
    .filter(([key, value]) => /^(command|\w+Command)$/.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
}
