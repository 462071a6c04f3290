import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PublicEndpoint } from '../access/allow.decorator';
import { execute } from '../database/typed-query';

const PING_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the service and its database answer; 503 (with which part is down) otherwise. */
  @Get()
  @PublicEndpoint()
  async health(@Res() res: Response): Promise<void> {
    const database = await this.ping();
    res
      .status(database === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: database === 'up' ? 'ok' : 'unavailable', database });
  }

  private async ping(): Promise<'up' | 'down'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([execute(this.dataSource, 'SELECT 1').then(() => 'up' as const), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
