import { describe, expect, it } from 'vitest';
import { playgroundAddress } from '../../src/cli/playground-address.ts';

describe('where serve says the playground is', () => {
  it('is localhost on a loopback address or every interface, PUBLIC_URL when set, else the address it listens on', () => {
    for (const address of ['127.0.0.1', '::1', '0.0.0.0', '::']) expect(playgroundAddress(undefined, { address, port: 4101 }), address).toBe('http://localhost:4101');
    expect(playgroundAddress('https://raadgiver.kommune.dk', { address: '0.0.0.0', port: 3978 })).toBe('https://raadgiver.kommune.dk');
    expect(playgroundAddress(undefined, { address: '10.0.0.5', port: 3978 })).toBe('http://10.0.0.5:3978');
    expect(playgroundAddress(undefined, { address: 'fd00::5', port: 3978 })).toBe('http://[fd00::5]:3978');
  });
});
