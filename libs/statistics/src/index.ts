export { DashboardHousekeepingModule } from './dashboard-housekeeping';
export * from './dashboard.model';
export * from './statistics.module';
export * from './statistics.service';
export * from './suppression';
export { csv } from './returns/ssda903.rules';
