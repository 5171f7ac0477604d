import { describe, expect, it } from 'vitest';
import { isExampleValue } from '../scripts/lint/tools';

describe('the export gate: Spectral findings on example data', () => {
  it("sets aside only findings inside a named example's value", () => {
    // what Spectral reports for a message with fields named `type` and `default`
    const body = ['paths', '/object/{class}', 'post', 'requestBody', 'content', 'application/json'];
    expect(isExampleValue([...body, 'examples', 'sample', 'value', 'default'])).toBe(true);
    expect(isExampleValue([...body, 'examples', 'sample', 'value', 'Ok', 'default'])).toBe(true);
    // a schema's own example or default is a schema finding: kept
    expect(isExampleValue(['components', 'schemas', 'Order', 'example'])).toBe(false);
    expect(isExampleValue(['components', 'schemas', 'Order', 'properties', 'id', 'default'])).toBe(false);
    expect(isExampleValue([...body, 'schema', 'default'])).toBe(false);
    // a property named `examples` of a schema is not an example
    expect(isExampleValue(['components', 'schemas', 'X', 'properties', 'examples', 'value', 'default'])).toBe(false);
  });
});
