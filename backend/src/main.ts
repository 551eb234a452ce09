import 'reflect-metadata';
import { CONTRACTS_VERSION } from '@decidimos/contracts';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
@Module({})
class M {}
async function main() {
  const app = await NestFactory.create(M, new FastifyAdapter());
  await app.listen(0);
  console.log('ok', CONTRACTS_VERSION, await app.getUrl());
  await app.close();
}
void main();
