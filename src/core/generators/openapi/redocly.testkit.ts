/** Validates OpenAPI documents with Redocly's own linter (`@redocly/openapi-core`), in-process. */
import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';

/** A problem as the tests report it: severity, rule and where. */
export interface OpenApiProblem {
  severity: 'error' | 'warn';
  ruleId: string;
  message: string;
  pointer: string;
}

const configs = new Map<string, Promise<Config>>();

/**
 * Lints one document with a built-in ruleset: `spec` (the OpenAPI specification's own rules) or
 * `recommended` (Redocly's opinionated rules on top).
 */
export async function lintOpenApi(
  source: string,
  ruleset: 'spec' | 'recommended',
  name = 'openapi.yaml',
): Promise<OpenApiProblem[]> {
  let config = configs.get(ruleset);
  if (!config) {
    config = createConfig({ extends: [ruleset] });
    configs.set(ruleset, config);
  }
  const problems = await lintFromString({ source, absoluteRef: `/virtual/${name}`, config: await config });
  return problems.map((p) => ({
    severity: p.severity === 'error' ? 'error' : 'warn',
    ruleId: p.ruleId,
    message: p.message,
    pointer: p.location[0]?.pointer ?? '',
  }));
}
