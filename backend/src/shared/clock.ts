import { Injectable } from '@nestjs/common';

/**
 * The time, for what depends on it (the calendar moving phases on). One instance per app,
 * so a test drives time forward by replacing `now` on it, and never sleeps.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
