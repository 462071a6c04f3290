export * from './durable-solution.enums';
export * from './durable-solution.events';
export * from './durable-solution.model';
export * from './durable-solutions.module';
export * from './durable-solutions.service';
export * from './durable-solutions.record-part';
