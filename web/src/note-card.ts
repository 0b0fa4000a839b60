// <c360-note-card>: one note. Read it (markdown rendered safely), edit it with optimistic
// versioning — a conflict shows both versions and lets the agent reapply — see its history,
// and delete it (the list offers restore).

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { AuthExpired, GatewayClient } from "./api.js";
import { renderMarkdown } from "./markdown.js";
import {
  fieldsOf,
  label,
  nodes,
  splitTags,
  type Connection,
  type Note,
  type NoteFields,
  type Revision,
  type UserError,
} from "./model.js";
import type { SubmitDetail } from "./note-form.js";
import "./note-form.js";
import { DELETE_NOTE, HISTORY, NOTE_BY_ID, UPDATE_NOTE } from "./queries.js";
import { widgetStyles } from "./styles.js";

type Mode = "view" | "edit" | "history" | "conflict";

interface Payload {
  note: Note | null;
  errors: UserError[];
}

/** The fields of `mine` that differ from `base`, as UpdateNoteInput values. */
function changes(base: Note, mine: NoteFields): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ["subject", "body", "category", "type", "scope", "importance"] as const) {
    if (mine[key] !== base[key]) patch[key] = mine[key];
  }
  if (mine.pinned !== base.pinned) patch["pinned"] = mine.pinned;
  const tags = splitTags(mine.tags);
  if (tags.join("\n") !== base.tags.join("\n")) patch["tags"] = tags;
  return patch;
}

const when = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

@customElement("c360-note-card")
export class NoteCard extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) note!: Note;
  @property({ attribute: false }) client!: GatewayClient;
  @property({ attribute: false }) scopes: string[] = [];
  @property({ attribute: false }) tagSuggestions: string[] = [];
  @property({ type: Boolean }) canEdit = false;
  @property({ type: Boolean }) canDelete = false;

  @state() private mode: Mode = "view";
  @state() private busy = false;
  @state() private errors: UserError[] = [];
  @state() private history: Revision[] = [];
  @state() private mine: NoteFields | null = null;
  /** What the edit form starts from: the note as it was when Edit was pressed. */
  private editing: NoteFields | null = null;
  @state() private theirs: Note | null = null;
  @state() private message = "";

  /** History, edits and messages belong to one note: another note starts from the view. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get("note") as Note | undefined;
    if (before && before.id !== this.note.id) {
      this.mode = "view";
      this.history = [];
      this.errors = [];
      this.message = "";
      this.mine = null;
      this.theirs = null;
      this.editing = null;
    }
  }

  private emit(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.message = "";
    try {
      return await work();
    } catch (error) {
      if (error instanceof AuthExpired) this.emit("auth-needed");
      this.message = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async save(base: Note, mine: NoteFields): Promise<void> {
    const patch = changes(base, mine);
    const input = { id: base.id, expectedVersion: base.version, ...patch };
    const answer = await this.run(() =>
      this.client.request<{ updateNote: Payload }>(UPDATE_NOTE, { input }, ["updateNote"]),
    );
    if (!answer) return;
    const { note, errors } = answer.data.updateNote;
    if (note) {
      this.note = note;
      this.mode = "view";
      this.errors = [];
      this.emit("note-changed", { note });
    } else if (errors.some((e) => e.code === "CONFLICT")) {
      const current = await this.run(() =>
        this.client.request<{ note: Note | null }>(NOTE_BY_ID, { id: base.id }),
      );
      this.mine = mine;
      this.theirs = current?.data.note ?? null;
      this.mode = "conflict";
    } else {
      this.errors = errors;
    }
  }

  private async showHistory(): Promise<void> {
    const id = this.note.id;
    const answer = await this.run(() =>
      this.client.request<{ note: { history: Connection<Revision> } | null }>(HISTORY, { id }),
    );
    if (id !== this.note.id) return; // the card shows another note now
    this.history = nodes(answer?.data.note?.history);
    this.mode = "history";
  }

  private async deleteNote(): Promise<void> {
    const answer = await this.run(() =>
      this.client.request<{ deleteNote: { errors: UserError[] } }>(
        DELETE_NOTE,
        { input: { id: this.note.id } },
        ["deleteNote"],
      ),
    );
    if (!answer) return;
    const { errors } = answer.data.deleteNote;
    if (errors.length) {
      this.message = errors.map((e) => e.message).join(" ");
      return;
    }
    this.mode = "view";
    this.history = [];
    this.emit("note-deleted", { note: this.note });
  }

  /** Reapply: my changes (against the note I started from) onto the current version. */
  private async reapply(): Promise<void> {
    if (!this.mine || !this.theirs) return;
    const merged: NoteFields = { ...fieldsOf(this.theirs) };
    for (const key of Object.keys(changes(this.note, this.mine)) as (keyof NoteFields)[]) {
      Object.assign(merged, { [key]: this.mine[key] });
    }
    await this.save(this.theirs, merged);
    if (this.mode === "view") {
      this.mine = null;
      this.theirs = null;
    }
  }

  private edit(): void {
    this.editing = fieldsOf(this.note);
    this.errors = [];
    this.mode = "edit";
  }

  private keepTheirs(): void {
    if (this.theirs) this.note = this.theirs;
    this.mine = null;
    this.theirs = null;
    this.mode = "view";
    this.emit("note-changed", { note: this.note });
  }

  override render() {
    const n = this.note;
    return html`
      <article aria-labelledby="subject-${n.id}">
        <h3 id="subject-${n.id}">${n.pinned ? html`<span aria-label="Pinned">📌 </span>` : nothing}${n.subject}</h3>
        <p class="hint">
          ${label(n.category)} · ${label(n.type)} · visible to ${label(n.scope)} ·
          ${label(n.importance)} importance · ${n.author?.name ?? "an agent"} · ${when(n.createdAt)} · v${n.version}
        </p>
        ${n.tags.length
          ? html`<ul class="chips" aria-label="Tags">${n.tags.map((t) => html`<li>${t}</li>`)}</ul>`
          : nothing}
        ${this.mode === "edit" ? this.renderEdit() : nothing}
        ${this.mode === "conflict" ? this.renderConflict() : nothing}
        ${this.mode === "view" || this.mode === "history"
          ? html`<div class="markdown body">${unsafeHTML(renderMarkdown(n.body))}</div>`
          : nothing}
        ${this.mode === "history" ? this.renderHistory() : nothing}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        ${this.mode === "view" || this.mode === "history" ? this.renderActions() : nothing}
      </article>
    `;
  }

  private renderActions() {
    const s = this.note.subject;
    return html`<div class="actions">
      ${this.canEdit
        ? html`<button type="button" aria-label="Edit ${s}" @click=${this.edit}>Edit</button>`
        : nothing}
      <button
        type="button"
        aria-label="History of ${s}"
        aria-expanded=${this.mode === "history" ? "true" : "false"}
        @click=${() => (this.mode === "history" ? (this.mode = "view") : this.showHistory())}
      >
        History
      </button>
      ${this.canDelete
        ? html`<button type="button" class="danger" aria-label="Delete ${s}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`
        : nothing}
    </div>`;
  }

  private renderEdit() {
    const scopes = this.scopes.includes(this.note.scope)
      ? this.scopes
      : [this.note.scope, ...this.scopes];
    return html`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${scopes}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${(e: CustomEvent<SubmitDetail>) => {
        e.stopPropagation();
        void this.save(this.note, e.detail.fields);
      }}
    >
      <button slot="actions" type="button" @click=${() => (this.mode = "view")}>Cancel</button>
    </c360-note-form>`;
  }

  private renderConflict() {
    const mine = this.mine!;
    const theirs = this.theirs;
    return html`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${theirs
          ? html` (now version ${theirs.version})`
          : nothing}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${mine.subject}</strong></p>
          <div class="markdown">${unsafeHTML(renderMarkdown(mine.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${theirs
            ? html`<p><strong>${theirs.subject}</strong></p>
                <div class="markdown">${unsafeHTML(renderMarkdown(theirs.body))}</div>`
            : html`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy || !theirs} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!theirs} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`;
  }

  private renderHistory() {
    return html`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length
        ? html`<ol>
            ${this.history.map(
              (rev) => html`<li>
                v${rev.version} by ${rev.editor?.name ?? "an agent"}, ${when(rev.editedAt)}:
                ${rev.changes.map(
                  (c) => html`<div><em>${c.field}</em>: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}</div>`,
                )}
              </li>`,
            )}
          </ol>`
        : html`<p class="hint">Not edited since it was written.</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-note-card": NoteCard;
  }
}
