export * from './child.entity';
export * from './child.enums';
export * from './child.model';
export * from './children.module';
export * from './children.service';
export * from './nrm/nrm.enums';
export * from './nrm/nrm-referral.model';
export * from './export/records-purge';
