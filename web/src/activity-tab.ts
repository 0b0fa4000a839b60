// <c360-activity>: the customer's interactions and follow-ups (the sidebar's second tab).

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { GatewayClient } from "./api.js";
import { label, nodes, type Connection, type FollowUp, type Interaction } from "./model.js";
import { ACTIVITY } from "./queries.js";
import { widgetStyles } from "./styles.js";

interface ActivityAnswer {
  customer: {
    interactions: Connection<Interaction> | null;
    followUps: Connection<FollowUp> | null;
  } | null;
}

const day = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ");

@customElement("c360-activity")
export class ActivityTab extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property() customerId = "";

  @state() private interactions: Interaction[] | null = null;
  @state() private followUps: FollowUp[] | null = null;
  @state() private loading = true;
  @state() private failure = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const { data } = await this.client.request<ActivityAnswer>(ACTIVITY, { id: this.customerId });
      const customer = data.customer;
      this.interactions = customer?.interactions ? nodes(customer.interactions) : null;
      this.followUps = customer?.followUps ? nodes(customer.followUps) : null;
    } catch (error) {
      this.failure = `Activity could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      this.loading = false;
    }
  }

  override render() {
    if (this.loading) {
      return html`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;
    }
    return html`
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${this.interactions === null
          ? html`<p class="hint">Not available to your role.</p>`
          : this.interactions.length
            ? html`<ul>${this.interactions.map((i) => html`<li>
                <strong>${label(i.type)}</strong> (${label(i.purpose)}) — ${i.subject}
                <span class="hint">${day(i.occurredAt)} · ${i.loggedByAgent?.name ?? i.loggedBy}${i.outcome ? ` · ${i.outcome}` : ""}</span>
              </li>`)}</ul>`
            : html`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        ${this.followUps === null
          ? html`<p class="hint">Not available to your role.</p>`
          : this.followUps.length
            ? html`<ul>${this.followUps.map((f) => html`<li>
                Due ${day(f.dueAt)} · ${f.assignee?.name ?? f.assigneeId}${f.completedAt ? " · done" : ""}
                ${f.instructions ? html`<div>${f.instructions}</div>` : nothing}
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
