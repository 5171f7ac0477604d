export * from './steps';
export * from './layout';
