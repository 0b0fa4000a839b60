// <c360-note-form>: the note editor (new note or edit). Markdown body with preview, dropdowns,
// tags with suggestions, optional follow-up; Ctrl/Cmd+Enter saves. It owns the draft and the
// creation-time clock; its owner sends the mutation and hands back errors.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { AgentLookup, type FindAgents } from "./agent-lookup.js";
import { errorFor, errorText, select } from "./fields.js";
import { renderMarkdown } from "./markdown.js";
import {
  CATEGORIES,
  IMPORTANCE,
  MAX_BODY,
  NOTE_TYPES,
  limitErrors,
  splitTags,
  type Agent,
  type NoteFields,
  type UserError,
} from "./model.js";
import type { WidgetStorage } from "./storage.js";
import { widgetStyles } from "./styles.js";

export interface SubmitDetail {
  fields: NoteFields;
  creationMs: number | null;
}

let formCount = 0;

@customElement("c360-note-form")
export class NoteForm extends LitElement {
  static override styles = widgetStyles;

  // Lit re-sets object bindings on every render of the owner, so the owner's values are
  // inputs copied into state when they change, never the state the agent is editing.
  /** The fields to start from (a new object starts over). */
  @property({ attribute: false }) initial!: NoteFields;
  /** The gateway's typed errors for the last save. */
  @property({ attribute: false }) serverErrors: UserError[] = [];
  @property({ attribute: false }) scopes: string[] = [];
  @property({ attribute: false }) tagSuggestions: string[] = [];
  /** Create mode keeps a draft here; edit mode passes none. */
  @property({ attribute: false }) storage: WidgetStorage | null = null;
  @property({ type: Boolean }) busy = false;
  @property() heading = "New note";
  @property() submitLabel = "Save note";
  @property({ type: Boolean }) allowFollowUp = false;
  /** Looks agents up by name for the assignee picker (the gateway's `agents`). */
  @property({ attribute: false }) findAgents: FindAgents | null = null;
  /** Agents already known by name (the caller), so the current assignee shows a name. */
  @property({ attribute: false }) knownAgents: Agent[] = [];

  @state() fields!: NoteFields;
  @state() errors: UserError[] = [];
  @state() private preview = false;
  private draftFields: Partial<NoteFields> | null = null;
  @state() private tagText = "";
  private readonly agents = new AgentLookup(this, () => this.findAgents);
  private openedAt: number | null = null;
  private readonly uid = `f${++formCount}`;

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = this.storage?.loadDraft();
    if (draft) {
      this.draftFields = draft.fields;
      this.openedAt = draft.openedAt;
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("initial") && this.initial) {
      this.fields = { ...this.initial, ...this.draftFields };
      this.draftFields = null;
    }
    if (changed.has("serverErrors")) {
      this.errors = [...limitErrors(this.fields), ...this.serverErrors];
    }
  }

  /** Forget the draft and start a fresh note (after a successful save). */
  reset(fields: NoteFields): void {
    this.fields = fields;
    this.openedAt = null;
    this.errors = [];
    this.preview = false;
    this.tagText = "";
    this.storage?.saveDraft(null);
  }

  /** The clock starts when the agent first touches the editor. */
  private open(): void {
    if (this.openedAt === null) {
      this.openedAt = Date.now();
      this.persist();
    }
  }

  private persist(): void {
    this.storage?.saveDraft({ fields: this.fields, openedAt: this.openedAt });
  }

  private change<K extends keyof NoteFields>(key: K, value: NoteFields[K]): void {
    this.open();
    this.fields = { ...this.fields, [key]: value };
    // Limit errors follow the text as it changes; server errors stay until the next save.
    const local = limitErrors(this.fields);
    this.errors = [
      ...this.errors.filter((error) => error.code !== "TOO_LONG" || error.field !== key),
      ...local.filter((error) => error.field === key),
    ];
    this.persist();
  }

  private addTag(): void {
    const tags = splitTags(`${this.fields.tags},${this.tagText}`);
    this.tagText = "";
    this.change("tags", tags.join(", "));
  }

  private removeTag(tag: string): void {
    this.change("tags", splitTags(this.fields.tags).filter((t) => t !== tag).join(", "));
  }

  private onTagKey(event: KeyboardEvent): void {
    if ((event.key === "Enter" || event.key === ",") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (this.tagText.trim()) this.addTag();
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.submit();
    }
  }

  /** Check the limits here, then hand the fields to the owner; never twice at once. */
  submit(): void {
    if (this.busy) return;
    if (this.tagText.trim()) this.addTag();
    const problems = limitErrors(this.fields);
    if (this.fields.followUp && !this.fields.dueAt) {
      problems.push({ field: "followUp.dueAt", code: "REQUIRED", message: "Choose a due date." });
    }
    if (!this.fields.scope) {
      problems.push({ field: "scope", code: "REQUIRED", message: "Choose a visibility." });
    }
    if (problems.length) {
      this.errors = problems;
      this.focusFirstError();
      return;
    }
    const creationMs = this.openedAt === null ? null : Math.max(0, Date.now() - this.openedAt);
    this.dispatchEvent(
      new CustomEvent<SubmitDetail>("note-submit", {
        detail: { fields: this.fields, creationMs },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Move focus to the first field with an error (after the owner sets `errors`). */
  async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }

  override render() {
    const f = this.fields;
    const id = (name: string) => `${this.uid}-${name}`;
    const err = (name: string) => errorFor(this.errors, name);
    const general = this.errors.filter(
      (e) =>
        !["subject", "body", "category", "type", "scope", "importance", "tags"].includes(
          e.field ?? "",
        ) && !(e.field ?? "").startsWith("followUp"),
    );
    const tags = splitTags(f.tags);
    return html`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy ? "true" : "false"}
        @keydown=${this.onKey}
        @focusin=${() => this.open()}
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          this.submit();
        }}
      >
        ${this.textInput(id("subject"), "Subject", "subject", err("subject"))}
        <label for=${id("body")}>Note (markdown)</label>
        <textarea
          id=${id("body")}
          .value=${f.body}
          aria-invalid=${err("body") ? "true" : "false"}
          aria-describedby=${err("body") ? `${id("body")}-error` : `${id("body")}-hint`}
          @input=${(e: Event) => this.change("body", (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${err("body")
          ? errorText(id("body"), err("body"))
          : html`<p class="hint" id="${id("body")}-hint">
              Up to ${MAX_BODY.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview ? "true" : "false"}
            @click=${() => (this.preview = !this.preview)}
          >
            Preview
          </button>
        </div>
        ${this.preview
          ? html`<section class="markdown" aria-label="Preview">
              ${unsafeHTML(renderMarkdown(f.body))}
            </section>`
          : nothing}
        <div class="row">
          <div>
            ${select(id("category"), "Category", f.category, CATEGORIES, (v) =>
              this.change("category", v), err("category"))}
          </div>
          <div>
            ${select(id("type"), "Type", f.type, NOTE_TYPES, (v) => this.change("type", v),
              err("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${select(id("scope"), "Visibility", f.scope, this.scopes, (v) =>
              this.change("scope", v), err("scope"))}
          </div>
          <div>
            ${select(id("importance"), "Importance", f.importance, IMPORTANCE, (v) =>
              this.change("importance", v), err("importance"))}
          </div>
        </div>
        <label for=${id("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${tags.map(
            (tag) => html`<li>
              ${tag}
              <button type="button" aria-label="Remove tag ${tag}" @click=${() => this.removeTag(tag)}>
                ×
              </button>
            </li>`,
          )}
        </ul>
        <div class="row">
          <input
            id=${id("tag")}
            type="text"
            list=${id("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${err("tags") ? "true" : "false"}
            aria-describedby=${err("tags") ? `${id("tag")}-error` : nothing}
            @input=${(e: Event) => (this.tagText = (e.target as HTMLInputElement).value)}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${() => this.addTag()}>Add</button>
        </div>
        <datalist id=${id("tag-options")}>
          ${this.tagSuggestions.filter((t) => !tags.includes(t)).map((t) => html`<option value=${t}></option>`)}
        </datalist>
        ${errorText(id("tag"), err("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${f.pinned}
            @change=${(e: Event) => this.change("pinned", (e.target as HTMLInputElement).checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp ? this.followUp(id, err) : nothing}
        ${general.map((e) => html`<p class="error" role="alert">${e.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy
            ? html`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`
            : nothing}
        </div>
      </form>
    `;
  }

  private textInput(id: string, text: string, key: "subject", error?: UserError) {
    return html`
      <label for=${id}>${text}</label>
      <input
        id=${id}
        type="text"
        .value=${this.fields[key]}
        aria-invalid=${error ? "true" : "false"}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.change(key, (e.target as HTMLInputElement).value)}
      />
      ${errorText(id, error)}
    `;
  }

  private followUp(id: (name: string) => string, err: (name: string) => UserError | undefined) {
    const f = this.fields;
    return html`
      <label class="check">
        <input
          type="checkbox"
          .checked=${f.followUp}
          @change=${(e: Event) => {
            const checked = (e.target as HTMLInputElement).checked;
            this.change("followUp", checked);
            if (checked && !this.agents.found.length) void this.agents.search(this.agents.query);
          }}
        />
        Add a follow-up
      </label>
      ${f.followUp
        ? html`<fieldset>
            <legend>Follow-up</legend>
            <label for=${id("assignee-find")}>Find assignee</label>
            <input
              id=${id("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${id("assignee-found")}
              .value=${this.agents.query}
              @input=${(e: Event) => this.agents.search((e.target as HTMLInputElement).value)}
            />
            <span id=${id("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${id("assignee")}>Assignee</label>
            <select
              id=${id("assignee")}
              aria-invalid=${err("followUp.assigneeId") ? "true" : "false"}
              aria-describedby=${err("followUp.assigneeId") ? `${id("assignee")}-error` : nothing}
              @change=${(e: Event) => this.change("assigneeId", (e.target as HTMLSelectElement).value)}
            >
              ${this.agents.choices(f.assigneeId, this.knownAgents).map(
                (a) => html`<option value=${a.agentId} ?selected=${a.agentId === f.assigneeId}>
                  ${a.name}${a.agentId === this.knownAgents[0]?.agentId ? " (me)" : ""}
                </option>`,
              )}
            </select>
            ${errorText(id("assignee"), err("followUp.assigneeId"))}
            <label for=${id("due")}>Due</label>
            <input
              id=${id("due")}
              type="datetime-local"
              .value=${f.dueAt}
              aria-invalid=${err("followUp.dueAt") ? "true" : "false"}
              aria-describedby=${err("followUp.dueAt") ? `${id("due")}-error` : nothing}
              @input=${(e: Event) => this.change("dueAt", (e.target as HTMLInputElement).value)}
            />
            ${errorText(id("due"), err("followUp.dueAt"))}
            <label for=${id("instructions")}>Instructions</label>
            <input
              id=${id("instructions")}
              type="text"
              .value=${f.instructions}
              @input=${(e: Event) =>
                this.change("instructions", (e.target as HTMLInputElement).value)}
            />
          </fieldset>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-note-form": NoteForm;
  }
}
