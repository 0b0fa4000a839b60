// <customer-notes customer-id="…" endpoint="/graphql">: the notes sidebar a CS screen embeds.
// The host supplies the agent's token as the `token` property; when the gateway refuses it the
// widget fires `token-expired` (bubbling, composed), keeps the draft, and carries on as soon as
// the host sets a new token. It also fires `note-saved` with the new note. A token for another
// principal (a new sign-in on the same page) drops every list, permission and open form.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { keyed } from "lit/directives/keyed.js";
import "./activity-tab.js";
import { AuthExpired, GatewayClient } from "./api.js";
import { customerGlobalId } from "./ids.js";
import {
  emptyFields,
  splitTags,
  type Agent,
  type Me,
  type NoteFields,
  type UserError,
} from "./model.js";
import type { NoteForm, SubmitDetail } from "./note-form.js";
import "./note-form.js";
import type { NotesPanel } from "./notes-panel.js";
import "./notes-panel.js";
import { duplicateWarning } from "./duplicate-warning.js";
import { SaveQueue, sendCreate, type Duplicate, type SaveResult } from "./outbox.js";
import { principalKey, tokenSubject } from "./principal.js";
import { AGENTS, ME } from "./queries.js";
import { WidgetStorage, type PendingSave } from "./storage.js";
import { widgetStyles } from "./styles.js";

type Tab = "notes" | "activity";

/** A fresh idempotency key: a retried save (the answer was lost) cannot create a second note. */
function newKey(): string {
  // getRandomValues works on plain-http hosts too, where crypto.randomUUID is missing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function createInput(customerId: string, f: NoteFields, creationMs: number | null) {
  return {
    idempotencyKey: newKey(),
    customerId,
    subject: f.subject,
    body: f.body,
    category: f.category,
    type: f.type,
    scope: f.scope,
    importance: f.importance,
    pinned: f.pinned,
    tags: splitTags(f.tags),
    creationMs,
    followUp: f.followUp
      ? {
          assigneeId: f.assigneeId,
          dueAt: new Date(f.dueAt).toISOString(),
          instructions: f.instructions || null,
        }
      : null,
  };
}

interface Suspected {
  input: Record<string, unknown>;
  fields: NoteFields;
  creationMs: number | null;
  duplicates: Duplicate[];
}

@customElement("customer-notes")
export class CustomerNotes extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: "customer-id" }) customerId = "";
  @property() endpoint = "/graphql";
  /** The agent's bearer token, set by the host (never reflected into the DOM). */
  @property({ attribute: false }) token = "";

  @state() private me: Me | null = null;
  @state() private tab: Tab = "notes";
  @state() private status = "";
  @state() private warn = false;
  @state() private busy = false;
  @state() private createErrors: UserError[] = [];
  @state() private pending: PendingSave[] = [];
  /** A save refused as a near-copy: what it resembles, kept until saved anyway or cancelled. */
  @state() private suspected: Suspected | null = null;
  /** A new token is being checked: what the previous principal saw stays hidden meanwhile. */
  @state() private checking = false;
  /** Bumped when the principal changes: the keyed form, list and tab are made afresh. */
  private generation = 0;
  private meTicket = 0;
  private waitingForToken = false;
  private resubmit = false;
  private client = new GatewayClient(this.endpoint, () => this.token);
  private storage: WidgetStorage | null = null;
  private queue: SaveQueue | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.init();
  }

  /** Storage and the save queue belong to one customer (and endpoint). */
  private init(): void {
    this.queue?.stop();
    this.client = new GatewayClient(this.endpoint, () => this.token);
    this.storageSubject = this.me?.subject ?? "";
    this.storage = new WidgetStorage(this.customerId, this.storageSubject);
    this.queue = new SaveQueue(this.storage, this.client, {
      saved: (note) => {
        this.say(`Saved “${note.subject}” (it was waiting for the gateway).`);
        void this.panel?.load();
      },
      rejected: (_save, errors) =>
        this.say(`A waiting note was refused: ${errors.map((e) => e.message).join(" ")}`, true),
      authNeeded: () => this.requestToken(),
      changed: () => (this.pending = this.queue?.items ?? []),
    });
    this.pending = this.queue.items;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue?.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const moved = ["customerId", "endpoint"].some((key) => changed.get(key) !== undefined);
    if (this.isConnected && moved) {
      this.init();
      if (this.me) this.queue?.start();
    }
    // Another agent's token: hide the previous one's view at once, before `me` answers.
    if (changed.has("token") && this.me && this.token && tokenSubject(this.token) !== this.me.subject) {
      this.checking = true;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("token") && this.token) {
      void this.start();
    }
  }

  private blank: NoteFields | null = null;

  /** One object per sign-in: a new one would overwrite what the agent is typing. */
  private blankFields(scope: string): NoteFields {
    if (this.blank?.scope !== scope || this.blank.assigneeId !== this.me?.subject) {
      this.blank = emptyFields(scope, this.me?.subject ?? "");
    }
    return this.blank;
  }

  /** The assignee picker's lookup: agents the caller's policy shows, by name. */
  private findAgents = async (query: string): Promise<Agent[]> => {
    type Answer = { agents: { edges: { node: Agent }[] } | null };
    const { data } = await this.client.request<Answer>(AGENTS, { query: query || null });
    return data.agents?.edges.map((edge) => edge.node) ?? [];
  };

  private get form(): NoteForm | null {
    return this.renderRoot.querySelector("c360-note-form");
  }

  private get panel(): NotesPanel | null {
    return this.renderRoot.querySelector("c360-notes-panel");
  }

  private say(text: string, warn = false): void {
    this.status = text;
    this.warn = warn;
  }

  /** With a (new) token: learn who we are, then resume whatever waited for it. */
  private async start(): Promise<void> {
    const ticket = ++this.meTicket;
    const resuming = this.waitingForToken;
    this.waitingForToken = false;
    let me: Me;
    try {
      me = (await this.client.request<{ me: Me }>(ME, {}, ["me"])).data.me;
    } catch (error) {
      if (ticket !== this.meTicket) return;
      if (error instanceof AuthExpired) return this.requestToken();
      const reason = error instanceof Error ? error.message : String(error);
      this.say(`The notes service is unreachable (${reason}); trying again…`, true);
      window.setTimeout(() => void (ticket === this.meTicket && this.start()), 3_000);
      return;
    }
    if (ticket !== this.meTicket) return; // a newer token is being checked
    const before = this.me;
    this.me = me;
    this.checking = false;
    if (before && principalKey(before) !== principalKey(me)) {
      this.switchPrincipal();
      return;
    }
    if (!before || this.storageSubject !== me.subject) this.init();
    this.queue?.start();
    if (resuming) {
      this.say("Signed in again.");
      void this.panel?.load();
      if (this.resubmit) {
        this.resubmit = false;
        await this.updateComplete;
        this.form?.submit();
      }
    }
  }

  private storageSubject = "";

  /**
   * Someone else is signed in now: forget everything shown to or typed by the previous
   * principal (lists, permissions, errors, open forms, a pending resubmit) and load afresh.
   */
  private switchPrincipal(): void {
    this.generation += 1;
    this.blank = null;
    this.createErrors = [];
    this.suspected = null;
    this.resubmit = false;
    this.busy = false;
    this.init();
    this.queue?.start();
    this.say(`Signed in as ${this.me?.agent?.name ?? this.me?.subject ?? "someone else"}.`);
  }

  /** Ask the host for a new token; everything the agent typed stays where it is. */
  private requestToken(): void {
    // Said again when already waiting: a save started meanwhile may have cleared the status.
    this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…", true);
    if (this.waitingForToken) return;
    this.waitingForToken = true;
    this.dispatchEvent(
      new CustomEvent("token-expired", { detail: { customerId: this.customerId }, bubbles: true, composed: true }),
    );
  }

  private async onSubmit(event: CustomEvent<SubmitDetail>): Promise<void> {
    if (this.busy || !this.queue) return;
    const { fields, creationMs } = event.detail;
    const input = createInput(customerGlobalId(this.customerId), fields, creationMs);
    await this.send(input, fields, creationMs);
  }

  /** The agent saw the near-copies and saves the same note anyway. */
  private async saveAnyway(): Promise<void> {
    const suspected = this.suspected;
    if (this.busy || !suspected) return;
    await this.send({ ...suspected.input, allowDuplicate: true }, suspected.fields, suspected.creationMs);
  }

  private cancelDuplicate(): void {
    this.suspected = null;
    this.say("Not saved. Your draft is kept.");
  }

  private async send(
    input: Record<string, unknown>,
    fields: NoteFields,
    creationMs: number | null,
  ): Promise<void> {
    if (!this.queue) return;
    this.busy = true;
    this.say("");
    const result: SaveResult = await sendCreate(this.client, input);
    this.busy = false;
    this.suspected = null;
    const fresh = emptyFields(fields.scope, this.me?.subject ?? "");
    switch (result.kind) {
      case "saved":
        this.createErrors = [];
        this.form?.reset(fresh);
        this.say(`Saved “${result.note.subject}”.`);
        this.dispatchEvent(
          new CustomEvent("note-saved", { detail: { note: result.note, creationMs }, bubbles: true, composed: true }),
        );
        void this.panel?.load();
        return;
      case "duplicate":
        this.createErrors = [];
        this.suspected = { input, fields, creationMs, duplicates: result.duplicates };
        this.say("Not saved yet: this looks like a note already written.", true);
        return;
      case "invalid":
        this.createErrors = result.errors;
        this.say("The note was not saved: see the highlighted fields.", true);
        void this.form?.focusFirstError();
        return;
      case "offline":
        this.queue.add(input);
        this.form?.reset(fresh);
        this.say("The gateway is unreachable. Your note is kept and will be sent automatically.", true);
        return;
      case "auth":
        this.resubmit = true;
        this.requestToken();
        return;
    }
  }

  private selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
      );
    }
  }

  private onTabKey(event: KeyboardEvent): void {
    if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) {
      event.preventDefault();
      this.selectTab(this.tab === "notes" ? "activity" : "notes", true);
    }
  }

  override render() {
    const writable = this.me?.permissions.writableScopes ?? [];
    const tab = (id: Tab, text: string) => html`<button
      role="tab"
      id="tab-${id}"
      aria-selected=${this.tab === id ? "true" : "false"}
      aria-controls="panel-${id}"
      tabindex=${this.tab === id ? 0 : -1}
      @click=${() => this.selectTab(id)}
      @keydown=${this.onTabKey}
    >${text}</button>`;
    return html`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status ? `status${this.warn ? " warn" : ""}` : ""}>${this.status}</div>
        ${this.checking ? html`<p class="hint">Checking the new sign-in…</p>` : nothing}
        ${this.me
          ? html`<div ?hidden=${this.checking}>${this.renderTabs(tab, writable)}</div>`
          : html`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `;
  }

  /** Form, list and tab belong to one customer and one principal. */
  private get viewKey(): string {
    return `${this.customerId}|${this.generation}`;
  }

  private renderTabs(tab: (id: Tab, text: string) => unknown, writable: string[]) {
    const preferred = writable.includes("INTERNAL") ? "INTERNAL" : (writable[0] ?? "");
    return html`
      <div role="tablist" aria-label="Sidebar sections">
        ${tab("notes", "Notes")} ${tab("activity", "Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab !== "notes"}>
        ${this.suspected
          ? duplicateWarning(this.suspected.duplicates, this.busy, () => void this.saveAnyway(), () =>
              this.cancelDuplicate(),
            )
          : nothing}
        ${writable.length
          ? keyed(this.viewKey, html`<c360-note-form
              .initial=${this.blankFields(preferred)}
              .scopes=${writable}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions ?? []}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent ? [this.me.agent] : []}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`)
          : html`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${keyed(this.viewKey, html`<c360-notes-panel
          .client=${this.client}
          .customerId=${customerGlobalId(this.customerId)}
          .scopes=${writable}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${() => this.requestToken()}
          @notes-loaded=${() => this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab !== "activity"}>
        ${this.tab === "activity"
          ? keyed(this.viewKey, html`<c360-activity .client=${this.client}
              .customerId=${customerGlobalId(this.customerId)}
              @auth-needed=${() => this.requestToken()}></c360-activity>`)
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "customer-notes": CustomerNotes;
  }
}
