export * from './web.module';
export * from './web-application';
export * from './auth/demo-practitioners';
