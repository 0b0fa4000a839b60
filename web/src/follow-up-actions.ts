// <c360-follow-up-actions>: Complete and Reschedule for one open follow-up the caller may act
// on. Each opens a small form (outcome from the list and a comment; a new due time and a
// reason), sends the mutation, shows typed errors beside their fields and fires
// `follow-up-changed` (bubbling, composed) when the gateway accepted it.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import {
  COMPLETE_FOLLOW_UP,
  RESCHEDULE_FOLLOW_UP,
  isoOf,
  localInput,
  type Choice,
  type OpenFollowUp,
} from "./activity-model.js";
import { AuthExpired, GatewayClient } from "./api.js";
import { errorFor, errorText } from "./fields.js";
import type { UserError } from "./model.js";
import { widgetStyles } from "./styles.js";

type Mode = "complete" | "reschedule";

interface Payload {
  followUp: { id: string } | null;
  errors: UserError[];
}

let count = 0;

@customElement("c360-follow-up-actions")
export class FollowUpActions extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property({ attribute: false }) followUp!: OpenFollowUp;
  @property({ attribute: false }) outcomes: Choice[] = [];
  @property({ type: Boolean }) mayComplete = false;
  @property({ type: Boolean }) mayReschedule = false;

  @state() private mode: Mode | null = null;
  @state() private outcome = "";
  @state() private comment = "";
  @state() private dueAt = "";
  @state() private reason = "";
  @state() private errors: UserError[] = [];
  @state() private busy = false;
  private readonly uid = `a${++count}`;

  private async show(mode: Mode | null): Promise<void> {
    const was = this.mode;
    this.mode = mode;
    this.errors = [];
    if (mode === "reschedule") this.dueAt = localInput(new Date(this.followUp.dueAt));
    await this.updateComplete;
    const target = mode
      ? `#${this.uid}-${mode === "complete" ? "outcome" : "due"}`
      : `#${this.uid}-${was ?? "complete"}`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private async send(): Promise<void> {
    if (this.busy || !this.mode) return;
    const complete = this.mode === "complete";
    if (complete && !this.outcome) {
      return this.fail([{ field: "outcome", code: "REQUIRED", message: "Choose an outcome." }]);
    }
    const dueAt = isoOf(this.dueAt);
    if (!complete && !dueAt) {
      return this.fail([{ field: "dueAt", code: "REQUIRED", message: "Choose a due date." }]);
    }
    const root = complete ? "completeFollowUp" : "rescheduleFollowUp";
    const input = complete
      ? { id: this.followUp.id, outcome: this.outcome, comment: this.comment || null }
      : { id: this.followUp.id, dueAt, reason: this.reason || null };
    this.busy = true;
    try {
      const { data } = await this.client.request<Record<string, Payload>>(
        complete ? COMPLETE_FOLLOW_UP : RESCHEDULE_FOLLOW_UP,
        { input },
        [root],
      );
      const payload = data[root]!;
      if (payload.errors.length || !payload.followUp) return this.fail(payload.errors);
      this.mode = null;
      this.errors = [];
      this.dispatchEvent(
        new CustomEvent("follow-up-changed", {
          detail: { id: this.followUp.id, action: complete ? "completed" : "rescheduled" },
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

  private async fail(errors: UserError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  override render() {
    if (!this.mayComplete && !this.mayReschedule) return nothing;
    return html`
      <div class="actions">
        ${this.mayComplete
          ? html`<button
              type="button"
              id="${this.uid}-complete"
              aria-expanded=${this.mode === "complete" ? "true" : "false"}
              @click=${() => this.show(this.mode === "complete" ? null : "complete")}
            >Complete</button>`
          : nothing}
        ${this.mayReschedule
          ? html`<button
              type="button"
              id="${this.uid}-reschedule"
              aria-expanded=${this.mode === "reschedule" ? "true" : "false"}
              @click=${() => this.show(this.mode === "reschedule" ? null : "reschedule")}
            >Reschedule</button>`
          : nothing}
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
    const error = errorFor(this.errors, name === "due" ? "dueAt" : name);
    return html`<label for=${id}>${text}</label>${control(id, error)}${errorText(id, error)}`;
  }

  private form(mode: Mode) {
    const described = (id: string, error: UserError | undefined) =>
      error ? `${id}-error` : nothing;
    const known = ["outcome", "comment", "dueAt", "reason"];
    const general = this.errors.filter((e) => !known.includes(e.field ?? ""));
    const text = (value: string, set: (v: string) => void) => (id: string, error?: UserError) =>
      html`<input
        id=${id}
        type="text"
        .value=${value}
        aria-invalid=${error ? "true" : "false"}
        aria-describedby=${described(id, error)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />`;
    const fields =
      mode === "complete"
        ? html`
            ${this.field("outcome", "Outcome", (id, error) => html`<select
              id=${id}
              aria-invalid=${error ? "true" : "false"}
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
          `
        : html`
            ${this.field("due", "New due date", (id, error) => html`<input
              id=${id}
              type="datetime-local"
              .value=${this.dueAt}
              aria-invalid=${error ? "true" : "false"}
              aria-describedby=${described(id, error)}
              @input=${(e: Event) => (this.dueAt = (e.target as HTMLInputElement).value)}
            />`)}
            ${this.field("reason", "Reason", text(this.reason, (v) => (this.reason = v)))}
          `;
    return html`
      <form
        aria-label=${mode === "complete" ? "Complete the follow-up" : "Reschedule the follow-up"}
        aria-busy=${this.busy ? "true" : "false"}
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.send();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === "Escape") void this.show(null);
        }}
      >
        ${fields}
        ${general.map((e) => html`<p class="error" role="alert">${e.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${mode === "complete" ? "Save completion" : "Save new due date"}
          </button>
          <button type="button" @click=${() => this.show(null)}>Cancel</button>
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
