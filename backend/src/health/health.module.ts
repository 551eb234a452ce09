import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { Metrics } from './metrics';

@Module({
  controllers: [HealthController],
  // A registry per application, so two apps in one process (tests) count apart.
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }],
  exports: [Metrics],
})
export class HealthModule {}
