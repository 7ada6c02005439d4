import type { ServerFields } from '../../shared/server-schema';
import { formatConninfo } from '../engine/conninfo';
import { serverKeywords } from './server-keywords';

/** A server as a libpq conninfo string, never with a secret. */
export function serverToConninfo(server: ServerFields): string {
  return formatConninfo(serverKeywords(server));
}

/**
 * A server as a pg_service.conf section. libpq takes each value literally up to the end of the line (no quoting),
 * so line breaks are refused by the schema's callers; a `]` in the name becomes `_`.
 */
export function serverToServiceSection(server: ServerFields, serviceName = server.name): string {
  const name = serviceName.replace(/[\]\r\n]/g, '_');
  const { service, ...keywords } = serverKeywords(server);
  // libpq refuses a service inside a service file ("nested service specifications not supported").
  const note = service ? [`# builds on service ${service.replace(/[\r\n]/g, ' ')}: copy its lines here`] : [];
  const lines = Object.entries(keywords).map(([keyword, value]) => `${keyword}=${value.replace(/[\r\n]/g, ' ')}`);
  return `[${name}]\n${[...note, ...lines].join('\n')}\n`;
}

const jdbcSessionAttributes: Record<string, string> = {
  any: 'any',
  'read-write': 'primary',
  primary: 'primary',
  'read-only': 'secondary',
  standby: 'secondary',
  'prefer-standby': 'preferSecondary',
};

/** A JDBC URL for pgJDBC with the SSL properties, and notes on what pgJDBC needs differently. */
export function serverToJdbcUrl(server: ServerFields): { url: string; notes: string[] } {
  const keywords = serverKeywords(server);
  const notes: string[] = [];
  const hosts = server.host.split(',');
  const ports = String(server.port).split(',');
  const authority = hosts
    .map((host, index) => `${host.includes(':') ? `[${host}]` : host}:${ports[index] ?? ports[0]}`)
    .join(',');
  const properties: [string, string][] = [['user', server.username]];
  const mode = keywords.sslmode ?? 'prefer';
  if (mode !== 'disable' && mode !== 'allow' && mode !== 'prefer') properties.push(['ssl', 'true']);
  properties.push(['sslmode', mode]);
  if (keywords.sslrootcert) {
    if (keywords.sslrootcert === 'system')
      notes.push('pgJDBC has no sslrootcert=system; point sslrootcert at a CA file.');
    properties.push(['sslrootcert', keywords.sslrootcert]);
  }
  if (keywords.sslcert) properties.push(['sslcert', keywords.sslcert]);
  if (keywords.sslkey) {
    properties.push(['sslkey', keywords.sslkey]);
    if (!/\.(pk8|p12|pfx)$/i.test(keywords.sslkey)) {
      notes.push(
        'pgJDBC reads client keys as PKCS#8 DER (.pk8) or PKCS#12; convert with: openssl pkcs8 -topk8 -outform DER -in client.key -out client.pk8',
      );
    }
  }
  if (keywords.connect_timeout) properties.push(['connectTimeout', keywords.connect_timeout]);
  if (keywords.application_name) properties.push(['ApplicationName', keywords.application_name]);
  if (keywords.options) properties.push(['options', keywords.options]);
  const attribute = keywords.target_session_attrs && jdbcSessionAttributes[keywords.target_session_attrs];
  if (attribute) properties.push(['targetServerType', attribute]);
  if (server.service)
    notes.push(`pgJDBC does not read pg_service.conf: write out what service ${server.service} holds (host, port, …).`);
  notes.push('The password and sslpassword are not part of the URL; give them to the driver separately.');
  const query = properties.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return { url: `jdbc:postgresql://${authority}/${encodeURIComponent(server.maintenanceDatabase)}?${query}`, notes };
}
