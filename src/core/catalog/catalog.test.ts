import { describe, expect, it } from 'vitest';
import { RUNTIMES, RUNTIME_IDS, diagramOnlyReason } from './catalog';

describe('the catalog: runtimes without a stub', () => {
  it('says why each tier-2 runtime is diagram only, in one line, and nothing for tier 1', () => {
    for (const id of RUNTIME_IDS) {
      const reason = diagramOnlyReason(id);
      if (RUNTIMES[id].tier === 1) expect(reason, id).toBeNull();
      else {
        expect(reason, id).toMatch(/^No stub yet: [^\n]+\.$/);
        expect(reason!.length, id).toBeLessThanOrEqual(200);
      }
    }
  });

  it('names the registry each of .NET, Rails and Phoenix needs', () => {
    expect(diagramOnlyReason('dotnet-aspnet')).toContain('NuGet');
    expect(diagramOnlyReason('ruby-rails')).toContain('RubyGems');
    expect(diagramOnlyReason('elixir-phoenix')).toContain('hex.pm');
  });
});
