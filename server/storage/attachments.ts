import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where attachment bytes live; keys are content-addressed so the same photo is stored once. */
export interface AttachmentStore {
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  read(key: string): Promise<Buffer>;
}

/** Stores files under a directory (MINSHENG_DATA_DIR/attachments); an object store can replace it. */
export function fileAttachmentStore(dir: string): AttachmentStore {
  const fullPath = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    async put(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const target = fullPath(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename so a crash never leaves a half-written file under its final name.
      const tmp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, target);
      return { key: sha256, sha256 };
    },
    async read(key) {
      if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad attachment key');
      return fs.readFile(fullPath(key));
    },
  };
}
