import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './merge';

describe('mergeThreeWay', () => {
  const base = 'a\nb\nc\nd\ne\n';

  it('takes a change made on one side only, from either side', () => {
    expect(mergeThreeWay('a\nB\nc\nd\ne\n', base, base)).toEqual({ text: 'a\nB\nc\nd\ne\n', conflicts: 0 });
    expect(mergeThreeWay(base, base, 'a\nb\nc\nD\ne\n')).toEqual({ text: 'a\nb\nc\nD\ne\n', conflicts: 0 });
  });

  it('takes changes to different lines from both sides', () => {
    expect(mergeThreeWay('a\nB\nc\nd\ne\n', base, 'a\nb\nc\nD\ne\nf\n')).toEqual({
      text: 'a\nB\nc\nD\ne\nf\n',
      conflicts: 0,
    });
  });

  it('takes the same change once', () => {
    expect(mergeThreeWay('a\nX\nc\nd\ne\n', base, 'a\nX\nc\nd\ne\n')).toEqual({
      text: 'a\nX\nc\nd\ne\n',
      conflicts: 0,
    });
  });

  it('writes different changes to the same lines between standard markers', () => {
    const r = mergeThreeWay('a\nmine\nc\nd\ne\n', base, 'a\ntheirs\nc\nd\ne\n');
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe('a\n<<<<<<< ours\nmine\n=======\ntheirs\n>>>>>>> theirs\nc\nd\ne\n');
  });

  it('keeps the markers on lines of their own at the end of a file', () => {
    const r = mergeThreeWay('a\nmine', 'a\nb', 'a\ntheirs');
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe('a\n<<<<<<< ours\nmine\n=======\ntheirs\n>>>>>>> theirs');
  });

  it('does not see a conflict in line ends alone (a file saved with CRLF)', () => {
    const ours = 'a\r\nB\r\nc\r\nd\r\ne\r\n';
    const r = mergeThreeWay(ours, base, 'a\nb\nc\nD\ne\n');
    expect(r).toEqual({ text: 'a\r\nB\r\nc\r\nD\r\ne\r\n', conflicts: 0 });
  });
});
