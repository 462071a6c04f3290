export * from './missing-episode.model';
export * from './missing.enums';
export * from './missing.events';
export * from './missing.module';
export * from './missing.service';
export * from './profile/missing-person-profile.model';
export * from './missing-rules';
export * from './missing.record-part';
