import { describe, expect, it } from 'vitest';
import { restore } from '../model/restore';
import { checkDesign } from '../checks';
import { TEMPLATES } from './index';

describe('templates', () => {
  it('have unique ids and two sentences on what they teach', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(6);
    for (const t of TEMPLATES) expect(t.teaches.match(/[.!?](\s|$)/g)?.length).toBe(2);
  });

  for (const t of TEMPLATES) {
    it(`${t.id} builds a design that survives a save and load unchanged`, () => {
      const d = t.build();
      expect(d.nodes.length).toBeGreaterThan(1);
      const r = restore(JSON.parse(JSON.stringify(d)));
      expect(r.ok && r.warnings).toEqual([]);
      expect(r.ok && r.design).toEqual(d);
    });

    it(`${t.id} has no errors in the design checker`, () => {
      expect(checkDesign(t.build()).filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
