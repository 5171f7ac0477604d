export * from './catalog/catalog';
export * from './model/types';
export * from './model/naming';
export * from './model/restore';
export * from './model/wiring';
export * from './ops/ops';
export type { GeneratedFile, Generator } from './generators/types';
export * from './model/contracts';
export * from './model/layout';
