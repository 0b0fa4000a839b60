// What must survive a reload: the draft being written and saves waiting for the network.

import type { NoteFields } from "./model.js";

export interface Draft {
  fields: NoteFields;
  /** When the editor was opened (ms since epoch): the start of the creation-time measure. */
  openedAt: number | null;
}

export interface PendingSave {
  key: string;
  input: Record<string, unknown>;
  queuedAt: number;
  attempts: number;
}

const PREFIX = "c360-notes";

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Quota exceeded (a huge paste): the in-memory draft still holds it.
    return false;
  }
}

export class WidgetStorage {
  /** One agent's drafts and waiting saves for one customer: a next user never inherits them. */
  constructor(
    private readonly customerId: string,
    private readonly subject = "",
  ) {}

  private key(kind: string): string {
    return `${PREFIX}:${kind}:${this.subject}:${this.customerId}`;
  }

  loadDraft(): Draft | null {
    return read<Draft>(this.key("draft"));
  }

  saveDraft(draft: Draft | null): boolean {
    return write(this.key("draft"), draft);
  }

  pending(): PendingSave[] {
    return read<PendingSave[]>(this.key("pending")) ?? [];
  }

  savePending(saves: PendingSave[]): void {
    write(this.key("pending"), saves.length ? saves : null);
  }
}
