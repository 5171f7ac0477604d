import type { GeneratedFile } from '../../core';

/** Zips the files (the zip code loads only now) and hands the zip to the browser as a download. */
export async function downloadZip(fileName: string, files: GeneratedFile[]): Promise<void> {
  const { zipFiles } = await import('../../export/zip');
  const bytes = await zipFiles(files);
  const blob = new Blob([bytes as BlobPart], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
