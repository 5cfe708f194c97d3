/** Hands text to the browser's download, under `fileName`: the page has no file system of its own. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download reads the blob after this task ends; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
