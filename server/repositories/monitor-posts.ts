// Monitored posts (舆情帖文): a batch writes them through monitor-batch.ts; the duty console reads
// them and their engagement series through monitor-duty.ts.

/** The identity of a post across platforms (platform + platform post id). */
export function postKey(platform: string, platformPostId: string): string {
  return `${platform}\u0000${platformPostId}`;
}
