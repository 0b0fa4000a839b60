// <c360-notes-panel>: the customer's notes the caller may read, pinned first then newest;
// filters by category, type and tag; keyword search within a date range, the matched words
// highlighted; saves waiting for the network; restore.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { AuthExpired, GatewayClient } from "./api.js";
import {
  CATEGORIES,
  NOTE_TYPES,
  label,
  may,
  nodes,
  type Connection,
  type Me,
  type Note,
  type UserError,
} from "./model.js";
import { fragmentsOf, renderFragment, type Highlights } from "./highlights.js";
import "./note-card.js";
import { CUSTOMER_NOTES, MORE_NOTES, NOTES_PAGE, RESTORE_NOTE, SEARCH_NOTES } from "./queries.js";
import type { PendingSave } from "./storage.js";
import { widgetStyles } from "./styles.js";

interface NotesAnswer {
  customer: {
    id: string;
    name: string;
    tags: Connection<string> | null;
    notes: Connection<Note>;
  } | null;
  controlledTags: { tag: string }[];
}

interface MoreAnswer {
  customer: { id: string; notes: Connection<Note> } | null;
}

interface SearchAnswer {
  searchNotes: Connection<Note> & { edges: { node: Note; highlights: Highlights }[] };
}

/** A date input's day as the start (or, with `end`, the last moment) of that local day. */
function dayBound(day: string, end: boolean): string | null {
  if (!day) return null;
  const start = new Date(`${day}T00:00:00`);
  if (Number.isNaN(start.getTime())) return null;
  return new Date(start.getTime() + (end ? 86_400_000 - 1 : 0)).toISOString();
}

@customElement("c360-notes-panel")
export class NotesPanel extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property() customerId = "";
  @property({ attribute: false }) scopes: string[] = [];
  @property({ attribute: false }) pending: PendingSave[] = [];
  @property({ attribute: false }) me: Me | null = null;

  @state() private notes: Note[] = [];
  @state() private customerTags: string[] = [];
  @state() private controlledTags: string[] = [];
  @state() private loading = false;
  @state() private failure = "";
  @state() private category = "";
  @state() private type = "";
  @state() private tag = "";
  @state() private query = "";
  @state() private searched = "";
  /** The date inputs as typed, and the range the list or search was last asked with. */
  @state() private fromDay = "";
  @state() private toDay = "";
  @state() private range = { from: "", to: "" };
  @state() private rangeError = "";
  /** searchNotes' highlighted fragments, by note id (none for the plain list). */
  @state() private highlights = new Map<string, Highlights>();
  @state() private deleted: Note[] = [];
  @state() private notice = "";
  /** How many notes the list holds in all, and where its next page starts (null: no more). */
  @state() private total = 0;
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  private ticket = 0;

  /** The controlled list plus every tag this customer's notes or profile carry. */
  get tagSuggestions(): string[] {
    const seen = [...this.controlledTags, ...this.customerTags, ...this.notes.flatMap((n) => n.tags)];
    return [...new Set(seen)].sort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reload the list with the current filters (or search). */
  async load(): Promise<void> {
    // Filters change faster than answers arrive: only the latest request may fill the list.
    const ticket = ++this.ticket;
    this.loading = true;
    this.failure = "";
    try {
      if (this.searched) {
        const { data } = await this.client.request<SearchAnswer>(
          SEARCH_NOTES,
          this.searchVariables(null),
          ["searchNotes"],
        );
        if (ticket !== this.ticket) return;
        this.keepHighlights(data.searchNotes, false);
        this.showPage(data.searchNotes, false);
      } else {
        const { data } = await this.client.request<NotesAnswer>(
          CUSTOMER_NOTES,
          this.listVariables(),
          ["controlledTags"],
        );
        if (ticket !== this.ticket) return;
        this.highlights = new Map();
        this.showPage(data.customer?.notes ?? null, false);
        this.customerTags = data.customer?.tags ? nodes(data.customer.tags) : this.customerTags;
        this.controlledTags = data.controlledTags.map((entry) => entry.tag);
        if (!data.customer) this.failure = "This customer is not available to you.";
      }
      this.dispatchEvent(new CustomEvent("notes-loaded", { bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof AuthExpired) {
        this.dispatchEvent(new CustomEvent("auth-needed", { bubbles: true, composed: true }));
      }
      this.failure = `Notes could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  /** The list's NoteFilter: the category, type, tag and creation dates the agent picked. */
  private noteFilter() {
    return {
      category: this.category || null,
      type: this.type || null,
      tags: this.tag ? [this.tag] : null,
      from: dayBound(this.range.from, false),
      to: dayBound(this.range.to, true),
    };
  }

  private keepHighlights(page: SearchAnswer["searchNotes"], append: boolean): void {
    const found = new Map(append ? this.highlights : []);
    for (const edge of page.edges) found.set(edge.node.id, edge.highlights);
    this.highlights = found;
  }

  /** Search (or, with no words, list) within the dates typed; an inverted range is refused. */
  private submitSearch(): void {
    if (this.fromDay && this.toDay && this.fromDay > this.toDay) {
      this.rangeError = "The “From” date is after the “To” date.";
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("#search-from")?.focus());
      return;
    }
    this.rangeError = "";
    this.searched = this.query.trim();
    this.range = { from: this.fromDay, to: this.toDay };
    void this.load();
  }

  private clearSearch(): void {
    this.query = "";
    this.searched = "";
    this.fromDay = "";
    this.toDay = "";
    this.rangeError = "";
    this.range = { from: "", to: "" };
    void this.load();
  }

  /** " from 2026-01-01 to 2026-01-31", as the count line says it. */
  private get rangeText(): string {
    const { from, to } = this.range;
    return `${from ? ` from ${from}` : ""}${to ? ` to ${to}` : ""}`;
  }

  private listVariables() {
    return { id: this.customerId, filter: this.noteFilter(), first: NOTES_PAGE };
  }

  private searchVariables(after: string | null) {
    return {
      query: this.searched,
      filter: { ...this.noteFilter(), customerId: this.customerId },
      first: NOTES_PAGE,
      after,
    };
  }

  /** Show a page: the first replaces the list, a later one is added below it. */
  private showPage(page: Connection<Note> | null, append: boolean): void {
    const notes = nodes(page);
    this.notes = append ? [...this.notes, ...notes.filter((n) => !this.notes.some((m) => m.id === n.id))] : notes;
    this.total = page?.totalCount ?? this.notes.length;
    this.next = page?.pageInfo?.hasNextPage ? page.pageInfo.endCursor : null;
  }

  /** The next page of the list (or of the search), after the last note shown. */
  async loadMore(): Promise<void> {
    const after = this.next;
    if (!after || this.loadingMore) return;
    const ticket = this.ticket;
    this.loadingMore = true;
    this.failure = "";
    try {
      if (this.searched) {
        const { data } = await this.client.request<SearchAnswer>(SEARCH_NOTES, this.searchVariables(after), [
          "searchNotes",
        ]);
        if (ticket !== this.ticket) return;
        this.keepHighlights(data.searchNotes, true);
        this.showPage(data.searchNotes, true);
      } else {
        const { data } = await this.client.request<MoreAnswer>(MORE_NOTES, { ...this.listVariables(), after });
        if (ticket !== this.ticket) return;
        this.showPage(data.customer?.notes ?? null, true);
      }
      // Keep the keyboard where the agent was: on the button, or (the last page) on the list.
      await this.updateComplete;
      const target =
        this.renderRoot.querySelector<HTMLElement>("#load-more") ??
        this.renderRoot.querySelector<HTMLElement>("ul.notes");
      target?.focus();
    } catch (error) {
      if (error instanceof AuthExpired) {
        this.dispatchEvent(new CustomEvent("auth-needed", { bubbles: true, composed: true }));
      }
      this.failure = `More notes could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      this.loadingMore = false;
    }
  }

  private async restore(note: Note): Promise<void> {
    try {
      const { data } = await this.client.request<{
        restoreNote: { note: Note | null; errors: UserError[] };
      }>(RESTORE_NOTE, { input: { id: note.id } }, ["restoreNote"]);
      if (data.restoreNote.note) {
        this.deleted = this.deleted.filter((n) => n.id !== note.id);
        this.notice = `Restored “${note.subject}”.`;
        await this.load();
      } else {
        this.notice = data.restoreNote.errors.map((e) => e.message).join(" ");
      }
    } catch (error) {
      this.notice = `Restore failed: ${error instanceof Error ? error.message : error}`;
    }
  }

  private filterSelect(id: string, text: string, value: string, options: readonly string[],
    set: (value: string) => void, labels = true) {
    return html`<div>
      <label for=${id}>${text}</label>
      <select id=${id} @change=${(e: Event) => {
        set((e.target as HTMLSelectElement).value);
        void this.load();
      }}>
        <option value="" ?selected=${value === ""}>All</option>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${labels ? label(o) : o}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    return html`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${(e: Event) => {
          e.preventDefault();
          this.submitSearch();
        }}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
            <button type="submit" class="fit">Search</button>
            ${this.searched || this.range.from || this.range.to
              ? html`<button type="button" class="fit" @click=${this.clearSearch}>Clear</button>`
              : nothing}
          </div>
          <div class="row">
            <div>
              <label for="search-from">From date</label>
              <input id="search-from" type="date" .value=${this.fromDay}
                aria-invalid=${this.rangeError ? "true" : "false"}
                aria-describedby=${this.rangeError ? "range-error" : nothing}
                @input=${(e: Event) => (this.fromDay = (e.target as HTMLInputElement).value)} />
            </div>
            <div>
              <label for="search-to">To date</label>
              <input id="search-to" type="date" .value=${this.toDay}
                @input=${(e: Event) => (this.toDay = (e.target as HTMLInputElement).value)} />
            </div>
          </div>
          ${this.rangeError ? html`<p id="range-error" class="error" role="alert">${this.rangeError}</p>` : nothing}
        </form>
        <div class="row">
          ${this.filterSelect("filter-category", "Category", this.category, CATEGORIES, (v) => (this.category = v))}
          ${this.filterSelect("filter-type", "Type", this.type, NOTE_TYPES, (v) => (this.type = v))}
          ${this.filterSelect("filter-tag", "Tag", this.tag, this.tagSuggestions, (v) => (this.tag = v), false)}
        </div>
        ${this.renderPending()}
        ${this.notice ? html`<p class="status" role="status">${this.notice}</p>` : nothing}
        ${this.deleted.map(
          (note) => html`<p class="status">
            Deleted “${note.subject}”.
            <button type="button" @click=${() => this.restore(note)}>Restore “${note.subject}”</button>
          </p>`,
        )}
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
        <p class="hint" role="status">
          ${this.loading
            ? html`<span class="spinner" aria-hidden="true"></span> Loading notes…`
            : `${this.next ? `${this.notes.length} of ${this.total}` : this.total} note${
                this.total === 1 ? "" : "s"}${this.searched ? ` matching “${this.searched}”` : ""}${this.rangeText}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${repeat(
            this.notes,
            // One card per note id: a card's open history or form never passes to another note.
            (note) => note.id,
            (note) => html`<li>
              <c360-note-card
                .note=${note}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${may(this.me, "edit", note)}
                ?canDelete=${may(this.me, "delete", note)}
                @note-changed=${() => void this.load()}
                @note-deleted=${(e: CustomEvent<{ note: Note }>) => {
                  this.deleted = [...this.deleted, e.detail.note];
                  this.notice = "";
                  void this.load();
                }}
              ></c360-note-card>
              ${this.renderMatches(note)}
            </li>`,
          )}
        </ul>
        ${this.next
          ? html`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${() => void this.loadMore()}>
              ${this.loadingMore ? "Loading more notes…" : `Load more notes (${this.total - this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`
          : nothing}
      </section>
    `;
  }

  /** Where the search matched: the API's fragments, only their <em> marks as markup. */
  private renderMatches(note: Note) {
    const fragments = fragmentsOf(this.highlights.get(note.id));
    if (!fragments.length) return nothing;
    return html`<p class="matches hint">
      Matches in “${note.subject}”:
      ${fragments.map((fragment, i) => html`${i ? " … " : ""}${renderFragment(fragment)}`)}
    </p>`;
  }

  private renderPending() {
    if (!this.pending.length) return nothing;
    return html`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length === 1 ? "" : "s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map((item) => html`<li>${String(item.input["subject"] ?? "")}
          (${item.attempts} ${item.attempts === 1 ? "retry" : "retries"})</li>`)}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-notes-panel": NotesPanel;
  }
}
