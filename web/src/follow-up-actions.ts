// <c360-follow-up-actions>: Complete, Reschedule, Reassign and Cancel for one open follow-up,
// each offered only where the caller may (the activity tab decides from `me`'s capabilities).
// Each opens a small form (outcome from the list and a comment; a new due time and a reason; a
// new assignee picked by name; a confirmation with a reason), sends the mutation, shows typed
// errors beside their fields and fires `follow-up-changed` (bubbling, composed) with the
// follow-up as the gateway now has it.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import {
  CANCEL_FOLLOW_UP,
  COMPLETE_FOLLOW_UP,
  REASSIGN_FOLLOW_UP,
  RESCHEDULE_FOLLOW_UP,
  isoOf,
  localInput,
  type Choice,
  type FollowUpAction,
  type OpenFollowUp,
} from "./activity-model.js";
import { AgentLookup } from "./agent-lookup.js";
import { AuthExpired, GatewayClient } from "./api.js";
import { errorFor, errorText } from "./fields.js";
import type { Agent, UserError } from "./model.js";
import { AGENTS } from "./queries.js";
import { widgetStyles } from "./styles.js";

interface Payload {
  followUp: OpenFollowUp | null;
  errors: UserError[];
}

/** Per action: the opener's text, the form's name, its first field, the mutation and its verb. */
const ACTIONS: Record<
  FollowUpAction,
  { button: string; form: string; first: string; query: string; root: string; done: string }
> = {
  complete: {
    button: "Complete",
    form: "Complete the follow-up",
    first: "outcome",
    query: COMPLETE_FOLLOW_UP,
    root: "completeFollowUp",
    done: "completed",
  },
  reschedule: {
    button: "Reschedule",
    form: "Reschedule the follow-up",
    first: "due",
    query: RESCHEDULE_FOLLOW_UP,
    root: "rescheduleFollowUp",
    done: "rescheduled",
  },
  reassign: {
    button: "Reassign",
    form: "Reassign the follow-up",
    first: "find",
    query: REASSIGN_FOLLOW_UP,
    root: "reassignFollowUp",
    done: "reassigned",
  },
  cancel: {
    button: "Cancel follow-up",
    form: "Cancel the follow-up",
    first: "reason",
    query: CANCEL_FOLLOW_UP,
    root: "cancelFollowUp",
    done: "cancelled",
  },
};
const ORDER: FollowUpAction[] = ["complete", "reschedule", "reassign", "cancel"];
// The form fields the gateway's user errors may name (others show under the form).
const FIELDS: Record<string, string> = { due: "dueAt", assignee: "assigneeId" };

let count = 0;

@customElement("c360-follow-up-actions")
export class FollowUpActions extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property({ attribute: false }) followUp!: OpenFollowUp;
  @property({ attribute: false }) outcomes: Choice[] = [];
  /** The actions the caller may take on this follow-up. */
  @property({ attribute: false }) allowed: FollowUpAction[] = [];

  @state() private mode: FollowUpAction | null = null;
  @state() private outcome = "";
  @state() private comment = "";
  @state() private dueAt = "";
  @state() private reason = "";
  @state() private assigneeId = "";
  @state() private errors: UserError[] = [];
  @state() private busy = false;
  private readonly uid = `a${++count}`;
  /** The action last sent, whose opener takes the focus back. */
  private last: FollowUpAction = "complete";
  private readonly agents = new AgentLookup(this, () => this.findAgents, "New assignee");

  /** The reassign picker's lookup: agents the caller's policy shows, by name. */
  private findAgents = async (query: string): Promise<Agent[]> => {
    type Answer = { agents: { edges: { node: Agent }[] } | null };
    const { data } = await this.client.request<Answer>(AGENTS, { query: query || null });
    return data.agents?.edges.map((edge) => edge.node) ?? [];
  };

  private async show(mode: FollowUpAction | null): Promise<void> {
    const was = this.mode;
    this.mode = mode;
    this.errors = [];
    this.reason = "";
    if (mode === "reschedule") this.dueAt = localInput(new Date(this.followUp.dueAt));
    if (mode === "reassign") {
      this.assigneeId = "";
      if (!this.agents.found.length) void this.agents.search(this.agents.query);
    }
    await this.updateComplete;
    const target = mode ? `#${this.uid}-${ACTIONS[mode].first}` : `#${this.uid}-${was ?? "complete"}`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** The mutation's input, or the errors that keep it from being sent. */
  private input(mode: FollowUpAction): Record<string, unknown> | UserError[] {
    const id = this.followUp.id;
    switch (mode) {
      case "complete":
        return this.outcome
          ? { id, outcome: this.outcome, comment: this.comment || null }
          : [{ field: "outcome", code: "REQUIRED", message: "Choose an outcome." }];
      case "reschedule": {
        const dueAt = isoOf(this.dueAt);
        return dueAt
          ? { id, dueAt, reason: this.reason || null }
          : [{ field: "dueAt", code: "REQUIRED", message: "Choose a due date." }];
      }
      case "reassign":
        return this.assigneeId
          ? { id, assigneeId: this.assigneeId }
          : [{ field: "assigneeId", code: "REQUIRED", message: "Choose the new assignee." }];
      case "cancel":
        return { id, reason: this.reason || null };
    }
  }

  private async send(): Promise<void> {
    const mode = this.mode;
    if (this.busy || !mode) return;
    const input = this.input(mode);
    if (Array.isArray(input)) return this.fail(input);
    const { query, root, done } = ACTIONS[mode];
    this.busy = true;
    try {
      const { data } = await this.client.request<Record<string, Payload>>(query, { input }, [root]);
      const payload = data[root]!;
      if (payload.errors.length || !payload.followUp) return this.fail(payload.errors);
      this.mode = null;
      this.errors = [];
      this.last = mode;
      this.dispatchEvent(
        new CustomEvent("follow-up-changed", {
          detail: { id: this.followUp.id, action: done, followUp: payload.followUp },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const message =
        error instanceof AuthExpired
          ? "Your session has expired; sign in again and try once more."
          : `Not saved: ${error instanceof Error ? error.message : error}`;
      this.fail([{ field: null, code: "FAILED", message }]);
    } finally {
      this.busy = false;
    }
  }

  /** Focus the opener of the last action if still offered, else the first one; false if none. */
  focusAction(): boolean {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>(".actions > button")];
    const target = buttons.find((b) => b.id === `${this.uid}-${this.last}`) ?? buttons[0];
    target?.focus();
    return target !== undefined;
  }

  private async fail(errors: UserError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  override render() {
    const allowed = ORDER.filter((action) => this.allowed.includes(action));
    if (!allowed.length) return nothing;
    return html`
      <div class="actions">
        ${allowed.map(
          (action) => html`<button
            type="button"
            id="${this.uid}-${action}"
            class=${action === "cancel" ? "danger" : ""}
            aria-expanded=${this.mode === action ? "true" : "false"}
            @click=${() => this.show(this.mode === action ? null : action)}
          >${ACTIONS[action].button}</button>`,
        )}
      </div>
      ${this.mode ? this.form(this.mode) : nothing}
    `;
  }

  private field(
    name: string,
    text: string,
    control: (id: string, error: UserError | undefined) => unknown,
  ) {
    const id = `${this.uid}-${name}`;
    const error = errorFor(this.errors, FIELDS[name] ?? name);
    return html`<label for=${id}>${text}</label>${control(id, error)}${errorText(id, error)}`;
  }

  private fields(mode: FollowUpAction) {
    const described = (id: string, error: UserError | undefined) =>
      error ? `${id}-error` : nothing;
    const invalid = (error: UserError | undefined) => (error ? "true" : "false");
    const text = (value: string, set: (v: string) => void) => (id: string, error?: UserError) =>
      html`<input
        id=${id}
        type="text"
        .value=${value}
        aria-invalid=${invalid(error)}
        aria-describedby=${described(id, error)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />`;
    const reason = this.field("reason", "Reason", text(this.reason, (v) => (this.reason = v)));
    switch (mode) {
      case "complete":
        return html`
          ${this.field("outcome", "Outcome", (id, error) => html`<select
            id=${id}
            aria-invalid=${invalid(error)}
            aria-describedby=${described(id, error)}
            @change=${(e: Event) => (this.outcome = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!this.outcome}>(choose)</option>
            ${this.outcomes.map(
              (c) => html`<option value=${c.value} ?selected=${c.value === this.outcome}>
                ${c.label}
              </option>`,
            )}
          </select>`)}
          ${this.field("comment", "Comment", text(this.comment, (v) => (this.comment = v)))}
        `;
      case "reschedule":
        return html`
          ${this.field("due", "New due date", (id, error) => html`<input
            id=${id}
            type="datetime-local"
            .value=${this.dueAt}
            aria-invalid=${invalid(error)}
            aria-describedby=${described(id, error)}
            @input=${(e: Event) => (this.dueAt = (e.target as HTMLInputElement).value)}
          />`)}
          ${reason}
        `;
      case "reassign":
        return this.picker(described, invalid);
      case "cancel":
        return html`<p>Cancel this follow-up? It stays listed, as cancelled, and cannot be reopened.</p>
          ${reason}`;
    }
  }

  /** Find agents by name, then choose one (the current assignee is not offered). */
  private picker(
    described: (id: string, error: UserError | undefined) => unknown,
    invalid: (error: UserError | undefined) => string,
  ) {
    const find = `${this.uid}-find`;
    const current = this.followUp.assignee?.agentId;
    const offered = this.agents.choices(this.assigneeId, []).filter((a) => a.agentId !== current);
    return html`
      <label for=${find}>Find agent</label>
      <input
        id=${find}
        type="search"
        autocomplete="off"
        aria-describedby="${find}-status"
        .value=${this.agents.query}
        @input=${(e: Event) => this.agents.search((e.target as HTMLInputElement).value)}
      />
      <span id="${find}-status" class="hint" role="status">${this.agents.status}</span>
      ${this.field("assignee", "New assignee", (id, error) => html`<select
        id=${id}
        aria-invalid=${invalid(error)}
        aria-describedby=${described(id, error)}
        @change=${(e: Event) => (this.assigneeId = (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.assigneeId}>(choose)</option>
        ${offered.map(
          (a) => html`<option value=${a.agentId} ?selected=${a.agentId === this.assigneeId}>
            ${a.name}
          </option>`,
        )}
      </select>`)}
    `;
  }

  private form(mode: FollowUpAction) {
    const known = ["outcome", "comment", "dueAt", "reason", "assigneeId"];
    const general = this.errors.filter((e) => !known.includes(e.field ?? ""));
    const submit = {
      complete: "Save completion",
      reschedule: "Save new due date",
      reassign: "Save new assignee",
      cancel: "Yes, cancel it",
    }[mode];
    return html`
      <form
        aria-label=${ACTIONS[mode].form}
        aria-busy=${this.busy ? "true" : "false"}
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.send();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === "Escape") void this.show(null);
        }}
      >
        ${this.fields(mode)}
        ${general.map((e) => html`<p class="error" role="alert">${e.message}</p>`)}
        <div class="actions">
          <button class=${mode === "cancel" ? "danger" : "primary"} type="submit" ?disabled=${this.busy}>
            ${submit}
          </button>
          <button type="button" @click=${() => this.show(null)}>
            ${mode === "cancel" ? "Keep it" : "Close"}
          </button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-follow-up-actions": FollowUpActions;
  }
}
