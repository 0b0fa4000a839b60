// <c360-activity>: the customer's interactions and follow-ups (the sidebar's second tab). Staff
// who write activity log interactions here and complete or reschedule the follow-ups they may
// act on; the lists reload in place after each change.

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import {
  ACTIVITY_TAB,
  choiceLabel,
  mayAct,
  mayLog,
  type ActivityAnswer,
  type ActivityMe,
  type Choice,
  type LoggedInteraction,
  type OpenFollowUp,
} from "./activity-model.js";
import { GatewayClient } from "./api.js";
import "./follow-up-actions.js";
import "./interaction-form.js";
import { label, nodes } from "./model.js";
import { widgetStyles } from "./styles.js";

const day = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ");

@customElement("c360-activity")
export class ActivityTab extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property() customerId = "";

  @state() private me: ActivityMe | null = null;
  @state() private outcomes: Choice[] = [];
  @state() private moods: Choice[] = [];
  @state() private interactions: LoggedInteraction[] | null = null;
  @state() private followUps: OpenFollowUp[] | null = null;
  @state() private loading = true;
  @state() private failure = "";
  @state() private status = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Read (or re-read) the lists; only the first load shows a spinner, so forms keep focus. */
  async load(): Promise<void> {
    try {
      const { data } = await this.client.request<ActivityAnswer>(ACTIVITY_TAB, {
        id: this.customerId,
      });
      const customer = data.customer;
      this.me = data.me;
      this.outcomes = data.outcomes ?? [];
      this.moods = data.moods ?? [];
      this.interactions = customer?.interactions ? nodes(customer.interactions) : null;
      this.followUps = customer?.followUps ? nodes(customer.followUps) : null;
      this.failure = "";
    } catch (error) {
      this.failure = `Activity could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      this.loading = false;
    }
  }

  private changed(event: CustomEvent<{ action: string }>): void {
    this.status = `Follow-up ${event.detail.action}.`;
    void this.load();
  }

  override render() {
    if (this.loading) {
      return html`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;
    }
    const writes = this.interactions !== null && mayLog(this.me);
    return html`
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${writes
          ? html`<c360-interaction-form
              .client=${this.client}
              .customerId=${this.customerId}
              .outcomes=${this.outcomes}
              .moods=${this.moods}
              .me=${this.me?.agent ?? (this.me ? { agentId: this.me.subject, name: this.me.subject } : null)}
              @interaction-logged=${() => void this.load()}
            ></c360-interaction-form>`
          : nothing}
        ${this.interactions === null
          ? html`<p class="hint">Not available to your role.</p>`
          : this.interactions.length
            ? html`<ul aria-label="Interactions list">${this.interactions.map((i) => html`<li>
                <strong>${label(i.type)}</strong> (${label(i.purpose)}) — ${i.subject}
                <span class="hint">${day(i.occurredAt)} · ${i.loggedByAgent?.name ?? "—"}${i.outcome
                  ? ` · ${choiceLabel(this.outcomes, i.outcome)}`
                  : ""}${i.mood ? ` · ${choiceLabel(this.moods, i.mood)}` : ""}</span>
              </li>`)}</ul>`
            : html`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status ? "status" : ""}>${this.status}</div>
        ${this.followUps === null
          ? html`<p class="hint">Not available to your role.</p>`
          : this.followUps.length
            ? html`<ul aria-label="Follow-ups list">${repeat(this.followUps, (f) => f.id, (f) => html`<li>
                Due ${day(f.dueAt)} · ${f.assignee?.name ?? "—"}${f.status !== "OPEN"
                  ? ` · ${label(f.status)}`
                  : ""}${f.outcome ? ` · ${choiceLabel(this.outcomes, f.outcome)}` : ""}
                ${f.instructions ? html`<div>${f.instructions}</div>` : nothing}
                <c360-follow-up-actions
                  .client=${this.client}
                  .followUp=${f}
                  .outcomes=${this.outcomes}
                  ?mayComplete=${mayAct(this.me, "complete", f)}
                  ?mayReschedule=${mayAct(this.me, "reschedule", f)}
                  @follow-up-changed=${this.changed}
                ></c360-follow-up-actions>
              </li>`)}</ul>`
            : html`<p class="hint">No follow-ups.</p>`}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-activity": ActivityTab;
  }
}
