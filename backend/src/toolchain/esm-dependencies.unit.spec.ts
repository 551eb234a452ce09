// Guards the toolchain: these dependencies ship only as ES modules and must keep loading
// under jest on Node 24 (see ../shared/TOOLCHAIN.md). If one stops loading, every test
// that needs it fails with a less obvious message.
import { DatabaseSync } from 'node:sqlite';

describe('ES-module dependencies load under jest on Node 24', () => {
  it('runs on Node 24', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });

  it('loads NestJS 12 core, common, platform-fastify and cqrs', async () => {
    const core = await import('@nestjs/core');
    const common = await import('@nestjs/common');
    const fastify = await import('@nestjs/platform-fastify');
    const cqrs = await import('@nestjs/cqrs');
    expect(typeof core.NestFactory.create).toBe('function');
    expect(typeof common.Module).toBe('function');
    expect(typeof fastify.FastifyAdapter).toBe('function');
    expect(typeof cqrs.CommandBus).toBe('function');
  });

  it('loads openid-client 6 and oidc-provider 9', async () => {
    const client = await import('openid-client');
    const { default: Provider } = await import('oidc-provider');
    expect(typeof client.discovery).toBe('function');
    expect(typeof client.randomPKCECodeVerifier()).toBe('string');
    const provider = new Provider('http://127.0.0.1:1', {});
    expect(provider.issuer).toBe('http://127.0.0.1:1');
  });

  it('uses node:sqlite without a flag', () => {
    const db = new DatabaseSync(':memory:');
    expect(db.prepare('select 41 + 1 as answer').get()).toEqual({ answer: 42 });
    db.close();
  });
});
