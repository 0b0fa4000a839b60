// <c360-interaction-form>: log an interaction from the sidebar (type, purpose, outcome and mood
// from the lists, an optional follow-up with an assignee picked by name). It sends
// `logInteraction` itself, shows typed errors beside their fields and fires
// `interaction-logged` (bubbling, composed) when the gateway stored it.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import {
  INTERACTION_PURPOSES,
  INTERACTION_TYPES,
  LOG_INTERACTION,
  isoOf,
  localInput,
  type Choice,
} from "./activity-model.js";
import { AgentLookup } from "./agent-lookup.js";
import { AuthExpired, GatewayClient } from "./api.js";
import { errorFor, errorText, select } from "./fields.js";
import type { Agent, UserError } from "./model.js";
import { AGENTS } from "./queries.js";
import { widgetStyles } from "./styles.js";

interface Draft {
  type: string;
  purpose: string;
  subject: string;
  detail: string;
  outcome: string;
  mood: string;
  occurredAt: string;
  followUp: boolean;
  assigneeId: string;
  dueAt: string;
  instructions: string;
}

interface LogAnswer {
  logInteraction: { interaction: { id: string; subject: string } | null; errors: UserError[] };
}

// The fields the form shows errors beside; any other error is shown for the whole form.
const FIELDS = ["type", "purpose", "subject", "detail", "outcome", "mood", "occurredAt"];

let formCount = 0;

@customElement("c360-interaction-form")
export class InteractionForm extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property() customerId = "";
  @property({ attribute: false }) outcomes: Choice[] = [];
  @property({ attribute: false }) moods: Choice[] = [];
  /** The caller, the default assignee of a follow-up (shown by name). */
  @property({ attribute: false }) me: Agent | null = null;

  @state() private open = false;
  @state() private draft: Draft = this.blank();
  @state() private errors: UserError[] = [];
  @state() private busy = false;
  @state() private status = "";
  private readonly agents = new AgentLookup(this, () => this.findAgents);
  private readonly uid = `i${++formCount}`;

  private blank(): Draft {
    return {
      type: "CALL",
      purpose: "SERVICE",
      subject: "",
      detail: "",
      outcome: "",
      mood: "",
      occurredAt: localInput(new Date()),
      followUp: false,
      assigneeId: this.me?.agentId ?? "",
      dueAt: "",
      instructions: "",
    };
  }

  private findAgents = async (query: string): Promise<Agent[]> => {
    type Answer = { agents: { edges: { node: Agent }[] } | null };
    const { data } = await this.client.request<Answer>(AGENTS, { query: query || null });
    return data.agents?.edges.map((edge) => edge.node) ?? [];
  };

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    if (!this.draft.assigneeId) this.set("assigneeId", this.me?.agentId ?? "");
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-type`)?.focus();
  }

  private input() {
    const d = this.draft;
    return {
      customerId: this.customerId,
      type: d.type,
      purpose: d.purpose,
      subject: d.subject,
      detail: d.detail || null,
      outcome: d.outcome || null,
      mood: d.mood || null,
      occurredAt: isoOf(d.occurredAt),
      followUp: d.followUp
        ? { assigneeId: d.assigneeId, dueAt: isoOf(d.dueAt), instructions: d.instructions || null }
        : null,
    };
  }

  /** Check what the browser can, send, and show the gateway's typed errors at their fields. */
  async submit(): Promise<void> {
    if (this.busy) return;
    const local: UserError[] = [];
    if (this.draft.followUp && !isoOf(this.draft.dueAt)) {
      local.push({ field: "followUp.dueAt", code: "REQUIRED", message: "Choose a due date." });
    }
    if (local.length) return this.fail(local);
    this.busy = true;
    this.status = "";
    try {
      const { data } = await this.client.request<LogAnswer>(
        LOG_INTERACTION,
        { input: this.input() },
        ["logInteraction"],
      );
      const payload = data.logInteraction;
      if (payload.errors.length || !payload.interaction) return this.fail(payload.errors);
      this.errors = [];
      this.status = `Logged “${payload.interaction.subject}”.`;
      this.draft = this.blank();
      this.dispatchEvent(
        new CustomEvent("interaction-logged", {
          detail: { id: payload.interaction.id },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const message =
        error instanceof AuthExpired
          ? "Your session has expired; sign in again and save once more (your entry is kept)."
          : `The interaction was not saved: ${error instanceof Error ? error.message : error}`;
      this.fail([{ field: null, code: "FAILED", message }]);
    } finally {
      this.busy = false;
    }
  }

  private async fail(errors: UserError[]): Promise<void> {
    this.errors = errors;
    this.status = "The interaction was not saved: see the highlighted fields.";
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  override render() {
    return html`
      <div class="actions">
        <button
          type="button"
          aria-expanded=${this.open ? "true" : "false"}
          aria-controls="${this.uid}-form"
          @click=${() => this.toggle()}
        >
          ${this.open ? "Close the interaction form" : "Log an interaction"}
        </button>
      </div>
      <div role="status" class=${this.status ? "status" : ""}>${this.status}</div>
      ${this.open ? this.form() : nothing}
    `;
  }

  private form() {
    const d = this.draft;
    const id = (name: string) => `${this.uid}-${name}`;
    const err = (name: string) => errorFor(this.errors, name);
    const general = this.errors.filter(
      (e) => !FIELDS.includes(e.field ?? "") && !(e.field ?? "").startsWith("followUp."),
    );
    const choice = (name: "outcome" | "mood", text: string, choices: Choice[]) => html`
      <label for=${id(name)}>${text}</label>
      <select
        id=${id(name)}
        aria-invalid=${err(name) ? "true" : "false"}
        aria-describedby=${err(name) ? `${id(name)}-error` : nothing}
        @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!d[name]}>(none)</option>
        ${choices.map(
          (c) => html`<option value=${c.value} ?selected=${c.value === d[name]}>${c.label}</option>`,
        )}
      </select>
      ${errorText(id(name), err(name))}
    `;
    const text = (name: "subject" | "occurredAt", label: string, type: string) => html`
      <label for=${id(name)}>${label}</label>
      <input
        id=${id(name)}
        type=${type}
        .value=${d[name]}
        aria-invalid=${err(name) ? "true" : "false"}
        aria-describedby=${err(name) ? `${id(name)}-error` : nothing}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)}
      />
      ${errorText(id(name), err(name))}
    `;
    return html`
      <form
        id="${this.uid}-form"
        aria-label="Log an interaction"
        aria-busy=${this.busy ? "true" : "false"}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void this.submit();
          }
        }}
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.submit();
        }}
      >
        <div class="row">
          <div>
            ${select(id("type"), "Type", d.type, INTERACTION_TYPES, (v) => this.set("type", v),
              err("type"))}
          </div>
          <div>
            ${select(id("purpose"), "Purpose", d.purpose, INTERACTION_PURPOSES, (v) =>
              this.set("purpose", v), err("purpose"))}
          </div>
        </div>
        ${text("subject", "Subject", "text")}
        <label for=${id("detail")}>Detail (markdown)</label>
        <textarea
          id=${id("detail")}
          .value=${d.detail}
          aria-invalid=${err("detail") ? "true" : "false"}
          aria-describedby=${err("detail") ? `${id("detail")}-error` : nothing}
          @input=${(e: Event) => this.set("detail", (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${errorText(id("detail"), err("detail"))}
        <div class="row">
          <div>${choice("outcome", "Outcome", this.outcomes)}</div>
          <div>${choice("mood", "Mood", this.moods)}</div>
        </div>
        ${text("occurredAt", "Occurred at", "datetime-local")}
        ${this.followUp(id, err)}
        ${general.map((e) => html`<p class="error" role="alert">${e.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save interaction</button>
          ${this.busy
            ? html`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`
            : nothing}
        </div>
      </form>
    `;
  }

  private followUp(id: (name: string) => string, err: (name: string) => UserError | undefined) {
    const d = this.draft;
    const known = this.me ? [this.me] : [];
    return html`
      <label class="check">
        <input
          type="checkbox"
          .checked=${d.followUp}
          @change=${(e: Event) => {
            const checked = (e.target as HTMLInputElement).checked;
            this.set("followUp", checked);
            if (checked && !this.agents.found.length) void this.agents.search(this.agents.query);
          }}
        />
        Add a follow-up
      </label>
      ${d.followUp
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
              @change=${(e: Event) => this.set("assigneeId", (e.target as HTMLSelectElement).value)}
            >
              ${this.agents.choices(d.assigneeId, known).map(
                (a) => html`<option value=${a.agentId} ?selected=${a.agentId === d.assigneeId}>
                  ${a.name}${a.agentId === this.me?.agentId ? " (me)" : ""}
                </option>`,
              )}
            </select>
            ${errorText(id("assignee"), err("followUp.assigneeId"))}
            <label for=${id("due")}>Due</label>
            <input
              id=${id("due")}
              type="datetime-local"
              .value=${d.dueAt}
              aria-invalid=${err("followUp.dueAt") ? "true" : "false"}
              aria-describedby=${err("followUp.dueAt") ? `${id("due")}-error` : nothing}
              @input=${(e: Event) => this.set("dueAt", (e.target as HTMLInputElement).value)}
            />
            ${errorText(id("due"), err("followUp.dueAt"))}
            <label for=${id("instructions")}>Instructions</label>
            <input
              id=${id("instructions")}
              type="text"
              .value=${d.instructions}
              aria-invalid=${err("followUp.instructions") ? "true" : "false"}
              aria-describedby=${err("followUp.instructions") ? `${id("instructions")}-error` : nothing}
              @input=${(e: Event) => this.set("instructions", (e.target as HTMLInputElement).value)}
            />
            ${errorText(id("instructions"), err("followUp.instructions"))}
          </fieldset>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-interaction-form": InteractionForm;
  }
}
