export * from './report-definition';
export * from './report-definitions';
export * from './report-table';
