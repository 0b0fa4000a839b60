// <c360-activity>: the customer's interactions and follow-ups (the sidebar's second tab), a page
// at a time ("Load more"). Staff who write activity log interactions here (the lists reload)
// and complete, reschedule, reassign or cancel the follow-ups they may act on (the follow-up is
// replaced in place, so the pages already loaded stay).

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import {
  ACTIVITY_PAGE,
  ACTIVITY_TAB,
  MORE_FOLLOW_UPS,
  MORE_INTERACTIONS,
  choiceLabel,
  mayAct,
  mayLog,
  type ActivityAnswer,
  type ActivityMe,
  type Choice,
  type FollowUpAction,
  type LoggedInteraction,
  type OpenFollowUp,
} from "./activity-model.js";
import { AuthExpired, GatewayClient } from "./api.js";
import type { FollowUpActions } from "./follow-up-actions.js";
import "./follow-up-actions.js";
import "./interaction-form.js";
import { label, type Connection } from "./model.js";
import { PagedList } from "./paged-list.js";
import { widgetStyles } from "./styles.js";

type ListName = "interactions" | "followUps";
const ACTIONS: FollowUpAction[] = ["complete", "reschedule", "reassign", "cancel"];
const MORE = {
  interactions: { query: MORE_INTERACTIONS, button: "more-interactions", what: "interactions" },
  followUps: { query: MORE_FOLLOW_UPS, button: "more-follow-ups", what: "follow-ups" },
} as const;

interface MoreAnswer {
  customer: {
    interactions?: Connection<LoggedInteraction> | null;
    followUps?: Connection<OpenFollowUp> | null;
  } | null;
}

const day = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ");

@customElement("c360-activity")
export class ActivityTab extends LitElement {
  static override styles = widgetStyles;

  @property({ attribute: false }) client!: GatewayClient;
  @property() customerId = "";

  @state() private me: ActivityMe | null = null;
  @state() private outcomes: Choice[] = [];
  @state() private moods: Choice[] = [];
  /** Null: the caller may not read that list (its field answered null). */
  @state() private interactions: PagedList<LoggedInteraction> | null = null;
  @state() private followUps: PagedList<OpenFollowUp> | null = null;
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
        first: ACTIVITY_PAGE,
      });
      const customer = data.customer;
      this.me = data.me;
      this.outcomes = data.outcomes ?? [];
      this.moods = data.moods ?? [];
      this.interactions = this.firstPage(customer?.interactions);
      this.followUps = this.firstPage(customer?.followUps);
      this.failure = "";
    } catch (error) {
      this.failure = `Activity could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      this.loading = false;
    }
  }

  private firstPage<T extends { id: string }>(page: Connection<T> | null | undefined) {
    if (!page) return null;
    const list = new PagedList<T>();
    list.show(page, false);
    return list;
  }

  /** The next page of one list, after its last item; the keyboard stays on the button. */
  private async loadMore(name: ListName): Promise<void> {
    const list = this[name];
    const after = list?.next;
    if (!list || !after || list.loading) return;
    list.loading = true;
    this.requestUpdate();
    try {
      const { data } = await this.client.request<MoreAnswer>(MORE[name].query, {
        id: this.customerId,
        first: ACTIVITY_PAGE,
        after,
      });
      (list as PagedList<{ id: string }>).show(data.customer?.[name], true);
      this.failure = "";
    } catch (error) {
      if (error instanceof AuthExpired) {
        this.dispatchEvent(new CustomEvent("auth-needed", { bubbles: true, composed: true }));
      }
      this.failure = `More ${MORE[name].what} could not be loaded: ${error instanceof Error ? error.message : error}`;
    } finally {
      list.loading = false;
      this.requestUpdate();
    }
    // On the button while pages are left; on the list (its new items next) after the last.
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${MORE[name].button}`) ??
      this.renderRoot.querySelector<HTMLElement>(`#${name}-list`);
    target?.focus();
  }

  private async changed(event: CustomEvent<{ action: string; followUp?: OpenFollowUp }>): Promise<void> {
    const actions = event.target as FollowUpActions;
    this.status = `Follow-up ${event.detail.action}.`;
    const changed = event.detail.followUp;
    if (!changed || !this.followUps?.replace(changed)) return this.load();
    this.requestUpdate();
    // The keyboard stays with the follow-up: on an action it still offers, else on the list.
    await this.updateComplete;
    await actions.updateComplete;
    if (!actions.focusAction()) this.renderRoot.querySelector<HTMLElement>("#followUps-list")?.focus();
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
          : this.interactions.items.length
            ? html`<ul id="interactions-list" tabindex="-1" aria-label="Interactions list">
                  ${repeat(this.interactions.items, (i) => i.id, (i) => html`<li>
                <strong>${label(i.type)}</strong> (${label(i.purpose)}) — ${i.subject}
                <span class="hint">${day(i.occurredAt)} · ${i.loggedByAgent?.name ?? "—"}${i.outcome
                  ? ` · ${choiceLabel(this.outcomes, i.outcome)}`
                  : ""}${i.mood ? ` · ${choiceLabel(this.moods, i.mood)}` : ""}</span>
              </li>`)}</ul>
                ${this.interactions.more(MORE.interactions.button, "interactions",
                  () => void this.loadMore("interactions"))}`
            : html`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status ? "status" : ""}>${this.status}</div>
        ${this.followUps === null
          ? html`<p class="hint">Not available to your role.</p>`
          : this.followUps.items.length
            ? html`<ul id="followUps-list" tabindex="-1" aria-label="Follow-ups list">
                  ${repeat(this.followUps.items, (f) => f.id, (f) => this.followUp(f))}</ul>
                ${this.followUps.more(MORE.followUps.button, "follow-ups",
                  () => void this.loadMore("followUps"))}`
            : html`<p class="hint">No follow-ups.</p>`}
      </section>
    `;
  }

  private followUp(f: OpenFollowUp) {
    const by = f.author && f.author.agentId !== f.assignee?.agentId ? ` · by ${f.author.name}` : "";
    return html`<li>
      Due ${day(f.dueAt)} · ${f.assignee?.name ?? "—"}${by}${f.status !== "OPEN"
        ? ` · ${label(f.status)}`
        : ""}${f.outcome ? ` · ${choiceLabel(this.outcomes, f.outcome)}` : ""}
      ${f.instructions ? html`<div>${f.instructions}</div>` : nothing}
      <c360-follow-up-actions
        .client=${this.client}
        .followUp=${f}
        .outcomes=${this.outcomes}
        .allowed=${ACTIONS.filter((action) => mayAct(this.me, action, f))}
        @follow-up-changed=${(e: CustomEvent) => void this.changed(e)}
      ></c360-follow-up-actions>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "c360-activity": ActivityTab;
  }
}
