// Sending new notes: one attempt now, and a persistent queue for saves the network lost,
// retried with backoff (and when the browser comes back online) until they land.

import { AuthExpired, GatewayClient, NetworkError } from "./api.js";
import type { Note, UserError } from "./model.js";
import { CREATE_NOTE } from "./queries.js";
import type { PendingSave, WidgetStorage } from "./storage.js";

/** A recent note of the customer that a refused save nearly repeats. */
export interface Duplicate {
  similarity: number;
  note: { id: string; subject: string; createdAt: string; author: { name: string } | null };
}

export type SaveResult =
  | { kind: "saved"; note: Note }
  | { kind: "invalid"; errors: UserError[] }
  | { kind: "duplicate"; errors: UserError[]; duplicates: Duplicate[] }
  | { kind: "offline"; reason: string }
  | { kind: "auth" };

interface CreatePayload {
  createNote: { note: Note | null; errors: UserError[]; duplicates?: Duplicate[] };
}

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/** One createNote attempt, classified. */
export async function sendCreate(
  client: GatewayClient,
  input: Record<string, unknown>,
): Promise<SaveResult> {
  try {
    const { data, errors } = await client.request<CreatePayload>(CREATE_NOTE, { input }, [
      "createNote",
    ]);
    const payload = data.createNote;
    if (payload.note) return { kind: "saved", note: payload.note };
    if (payload.errors.some((e) => e.code === "DUPLICATE_SUSPECTED")) {
      return { kind: "duplicate", errors: payload.errors, duplicates: payload.duplicates ?? [] };
    }
    if (payload.errors.length) return { kind: "invalid", errors: payload.errors };
    const message = errors.map((e) => e.message).join("; ") || "the note was not saved";
    return { kind: "invalid", errors: [{ field: null, code: "INVALID", message }] };
  } catch (error) {
    if (error instanceof AuthExpired) return { kind: "auth" };
    if (error instanceof NetworkError) return { kind: "offline", reason: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "invalid", errors: [{ field: null, code: "INVALID", message }] };
  }
}

export interface QueueEvents {
  saved(note: Note): void;
  rejected(save: PendingSave, errors: UserError[]): void;
  authNeeded(): void;
  changed(): void;
}

export class SaveQueue {
  private timer: number | undefined;
  private flushing = false;
  private readonly online = () => void this.flush();

  constructor(
    private readonly storage: WidgetStorage,
    private readonly client: GatewayClient,
    private readonly events: QueueEvents,
  ) {}

  get items(): PendingSave[] {
    return this.storage.pending();
  }

  start(): void {
    window.addEventListener("online", this.online);
    if (this.items.length) this.schedule(0);
  }

  stop(): void {
    window.removeEventListener("online", this.online);
    window.clearTimeout(this.timer);
  }

  /** Keep a save the network lost; it survives a reload and is retried. */
  add(input: Record<string, unknown>): void {
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.storage.savePending([...this.items, { key, input, queuedAt: Date.now(), attempts: 0 }]);
    this.events.changed();
    this.schedule(BACKOFF_MS[0]!);
  }

  discard(key: string): void {
    this.storage.savePending(this.items.filter((item) => item.key !== key));
    this.events.changed();
  }

  private schedule(delay: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), delay);
  }

  /** Send what is waiting, oldest first; stop at the first network or token failure. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (const item of this.items) {
        const result = await sendCreate(this.client, item.input);
        if (result.kind === "offline") {
          const attempts = item.attempts + 1;
          this.storage.savePending(
            this.items.map((i) => (i.key === item.key ? { ...i, attempts } : i)),
          );
          this.events.changed();
          this.schedule(BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)]!);
          return;
        }
        if (result.kind === "auth") {
          this.events.authNeeded();
          return;
        }
        this.storage.savePending(this.items.filter((i) => i.key !== item.key));
        if (result.kind === "saved") this.events.saved(result.note);
        else this.events.rejected(item, result.errors);
        this.events.changed();
      }
    } finally {
      this.flushing = false;
    }
  }
}
