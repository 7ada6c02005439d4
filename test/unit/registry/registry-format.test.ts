import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../../shared/registry-shape';

const server = (id: string, comments: string) => ({ id, name: `n-${id}`, comments });

describe('servers.json text', () => {
  it('holds one server per line and reads back as the same data', () => {
    const data = {
      schemaVersion: 3,
      groups: ['Servers'],
      servers: [server('a', 'first'), server('b', 'second'), server('c', 'third')],
    };
    const text = formatRegistry(data);
    expect(text.split('\n')).toEqual([
      '{"schemaVersion":3,"groups":["Servers"],"servers":[',
      '{"id":"a","name":"n-a","comments":"first"},',
      '{"id":"b","name":"n-b","comments":"second"},',
      '{"id":"c","name":"n-c","comments":"third"}]}',
      '',
    ]);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('a field holding the separator text stays on its server’s line (its quotes are escaped in JSON)', () => {
    const data = { schemaVersion: 3, groups: [], servers: [server('a', '},{"id":"x"'), server('b', '}\n{"id":')] };
    const text = formatRegistry(data);
    expect(text.split('\n')).toHaveLength(4);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('no servers: one line', () => {
    expect(formatRegistry({ schemaVersion: 3, groups: ['Servers'], servers: [] })).toBe(
      '{"schemaVersion":3,"groups":["Servers"],"servers":[]}\n',
    );
  });
});
