import type { Level } from '../types.js';

/** One change an instruction made, described for a reader. */
export interface AmendChange {
  /**
   * `struck` text or level removed; `inserted` text or level added; `replaced` text or
   * level struck and another put in its place; `redesignated` a level renumbered.
   */
  kind: 'struck' | 'inserted' | 'replaced' | 'redesignated';
  /** The level changed, by id, as it was when the instruction was applied. */
  clause: string;
  /** For a level that is gone (struck or replaced): its id in the law before the bill, when it was there. */
  origin?: string;
  /** The words or designation struck, and those inserted. */
  struck?: string;
  inserted?: string;
}

/**
 * One instruction being applied to a draft of a section: the draft, the mark its changes carry
 * (`amendedBy`), the changes made so far and the notes for the reader. Every editing function
 * takes it; nothing is kept between calls.
 */
export class Edit {
  readonly changes: AmendChange[] = [];
  readonly notes: string[] = [];

  constructor(
    /** The draft of the section the instruction is applied to. */
    readonly section: Level,
    /** The instruction's id (`i3`), stamped on what it changes; undefined when nobody is told. */
    readonly mark: string | undefined,
  ) {}

  /** Records a change to a level, stamping the level as the instruction's. */
  record(level: Level, change: Omit<AmendChange, 'clause'>, stamp = true): void {
    if (stamp && this.mark !== undefined) {
      const by = level.amendedBy ?? [];
      if (!by.includes(this.mark)) level.amendedBy = [...by, this.mark];
    }
    this.changes.push({ ...change, clause: level.id });
  }

  /** A level struck whole: recorded with its id in the law before, so the redline can link it. */
  recordStruck(level: Level): void {
    this.record(level, { kind: 'struck', struck: level.num?.text ?? '', ...(level.origin ? { origin: level.origin } : {}) }, false);
  }

  /** A level the instruction brings, and every level in it, marked as the instruction's. */
  stampAll(level: Level): void {
    if (this.mark === undefined) return;
    level.amendedBy = [this.mark];
    delete level.origin;
    for (const c of level.children) if (c.type === 'level') this.stampAll(c);
  }

  /** Something said to the reader about how the instruction was applied. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}

/** Why an instruction is refused; thrown inside the executor and turned into a result. */
export class Refusal extends Error {}

/** Refuses the instruction being applied. */
export function refuse(reason: string): never {
  throw new Refusal(reason);
}
