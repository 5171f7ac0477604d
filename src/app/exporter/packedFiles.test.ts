import { describe, expect, it } from 'vitest';
import { packFiles, transfer, unpackFiles } from './packedFiles';

describe('packFiles / unpackFiles', () => {
  it('gives back every file, in order, whatever its characters', () => {
    const files = [
      { path: 'compose.yaml', content: 'services:\n  a: {}\n' },
      { path: 'empty.txt', content: '' },
      { path: 'services/名前/main.py', content: 'print("名前 ü — 😀")\n'.repeat(1000) },
      { path: 'z.md', content: '# z\n' },
    ];
    const packed = packFiles(files);
    expect(packed.bytes.length).toBe(files.reduce((n, f) => n + new TextEncoder().encode(f.content).length, 0));
    const back = unpackFiles(structuredClone(packed, { transfer: transfer(packed) }));
    expect(back.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(back.map((f) => f.content)).toEqual(files.map((f) => f.content));
    // the buffers were moved, not copied
    expect(packed.bytes.byteLength).toBe(0);
  });

  it('decodes a file only when its content is read', () => {
    const back = unpackFiles(packFiles([{ path: 'a', content: 'x' }]));
    const spy = { reads: 0 };
    const original = TextDecoder.prototype.decode;
    TextDecoder.prototype.decode = function (...args) {
      spy.reads++;
      return original.apply(this, args);
    };
    try {
      expect(back[0]?.path).toBe('a');
      expect(spy.reads).toBe(0);
      expect(back[0]?.content).toBe('x');
      expect(back[0]?.content).toBe('x');
      expect(spy.reads).toBe(1);
    } finally {
      TextDecoder.prototype.decode = original;
    }
  });
});
