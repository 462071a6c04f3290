import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface ExportLink {
  practitionerId: string;
  subjectId: string;
}

/**
 * Short-lived signed links to printable exports (a missing-person profile, meeting minutes): signed
 * for one purpose, one record and the practitioner who asked, so that opening one can re-check that
 * practitioner's scope and audit the export.
 */
@Injectable()
export class ExportLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(purpose: string, practitionerId: string, subjectId: string, minutes = 30): string {
    return jwt.sign({ purpose, subjectId }, this.config.auth.exportLinkSecret, {
      algorithm: 'HS256',
      subject: practitionerId,
      expiresIn: minutes * 60,
    });
  }

  /** The link's practitioner and record; 'expired', or null when forged or for another purpose. */
  read(purpose: string, token: string): ExportLink | 'expired' | null {
    try {
      const claims = jwt.verify(token, this.config.auth.exportLinkSecret, {
        algorithms: ['HS256'],
      }) as jwt.JwtPayload;
      if (
        claims.purpose !== purpose ||
        typeof claims.sub !== 'string' ||
        typeof claims.subjectId !== 'string'
      )
        return null;
      return { practitionerId: claims.sub, subjectId: claims.subjectId };
    } catch (error) {
      return (error as Error).name === 'TokenExpiredError' ? 'expired' : null;
    }
  }
}
