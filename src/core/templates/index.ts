export { TEMPLATES, type Template } from './templates';
export { DesignBuilder, type LinkSpec } from './builder';
