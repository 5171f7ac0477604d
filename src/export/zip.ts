import JSZip from 'jszip';
import type { GeneratedFile } from '../core/generators/types';

/**
 * Every entry carries this date, so the same files always give the same zip, byte for byte
 * (jszip writes the DOS time in UTC, whatever the machine's time zone).
 */
export const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * Packs generated files into a zip, in the order given, compressed with DEFLATE. The app (lazily)
 * and the command line both use this, so a zip from either is the same.
 */
export async function zipFiles(files: readonly GeneratedFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.content, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}
