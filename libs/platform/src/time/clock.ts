import { Injectable } from '@nestjs/common';
import { IsoDate, londonDate } from './calendar';

/** The service's one source of "now", so that rules can be evaluated, and tested, as of an instant. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): IsoDate {
    return londonDate(this.now());
  }
}
