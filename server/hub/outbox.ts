/** The frames last sent to a session, kept so a resumed socket can be given exactly what it missed. */
export class Outbox {
  /** Consecutive frames: `texts[i]` was stamped `firstSeq + i`. Text only: an object per frame costs memory per client. */
  private readonly texts: string[] = [];
  private firstSeq = 0;
  private chars = 0;

  constructor(private readonly maxFrames: number, private readonly maxChars: number) {}

  push(seq: number, text: string): void {
    // A gap means what came before can no longer be replayed in full.
    if (this.texts.length && seq !== this.firstSeq + this.texts.length) this.clear();
    if (!this.texts.length) this.firstSeq = seq;
    this.texts.push(text);
    this.chars += text.length;
    while (this.texts.length > this.maxFrames || (this.chars > this.maxChars && this.texts.length > 1)) {
      this.chars -= this.texts.shift()!.length;
      this.firstSeq++;
    }
  }

  /** Forgets every frame: what follows is all a resume can replay. */
  clear(): void {
    this.texts.length = 0;
    this.chars = 0;
  }

  /** The frames after `lastSeq`, or null when some of them were already dropped (or `lastSeq` is from the future). */
  after(lastSeq: number, currentSeq: number): string[] | null {
    if (lastSeq > currentSeq) return null;
    if (lastSeq === currentSeq) return [];
    if (!this.texts.length || this.firstSeq > lastSeq + 1) return null;
    return this.texts.slice(lastSeq + 1 - this.firstSeq);
  }
}
