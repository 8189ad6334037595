/** The frames last sent to a session, kept so a resumed socket can be given exactly what it missed. */
export class Outbox {
  private readonly frames: { seq: number; text: string }[] = [];
  private chars = 0;

  constructor(private readonly maxFrames: number, private readonly maxChars: number) {}

  push(seq: number, text: string): void {
    this.frames.push({ seq, text });
    this.chars += text.length;
    while (this.frames.length > this.maxFrames || (this.chars > this.maxChars && this.frames.length > 1)) {
      this.chars -= this.frames.shift()!.text.length;
    }
  }

  /** Forgets every frame: what follows is all a resume can replay. */
  clear(): void {
    this.frames.length = 0;
    this.chars = 0;
  }

  /** The frames after `lastSeq`, or null when some of them were already dropped (or `lastSeq` is from the future). */
  after(lastSeq: number, currentSeq: number): string[] | null {
    if (lastSeq > currentSeq) return null;
    if (lastSeq === currentSeq) return [];
    const oldest = this.frames[0]?.seq ?? Infinity;
    if (oldest > lastSeq + 1) return null;
    return this.frames.filter((f) => f.seq > lastSeq).map((f) => f.text);
  }
}
