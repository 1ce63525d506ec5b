import { relative } from 'node:path';
import { isInside } from './fs/project';

/** How a file is named in messages: relative to `cwd` when inside it, else absolute (`<stdin>` and such as they are). */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (file.startsWith('<')) return file;
  const rel = relative(cwd, file);
  return rel === '' || !isInside(file, cwd) ? file : rel;
}
