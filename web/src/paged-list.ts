// One list of the activity tab read a page at a time: what is shown, how many there are in
// all, and where the next page starts (the connection's end cursor; null when none is left).

import { html, nothing, type TemplateResult } from "lit";
import { nodes, type Connection } from "./model.js";

export class PagedList<T extends { id: string }> {
  items: T[] = [];
  total = 0;
  next: string | null = null;
  loading = false;

  /** Show a page: the first replaces the list, a later one is added below it (once each). */
  show(page: Connection<T> | null | undefined, append: boolean): void {
    const found = nodes(page);
    const known = new Set(this.items.map((item) => item.id));
    this.items = append ? [...this.items, ...found.filter((item) => !known.has(item.id))] : found;
    this.total = page?.totalCount ?? this.items.length;
    this.next = page?.pageInfo?.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  }

  /** Put the gateway's new copy of an item where the old one was. */
  replace(item: T): boolean {
    const at = this.items.findIndex((old) => old.id === item.id);
    if (at < 0) return false;
    this.items = this.items.map((old, index) => (index === at ? item : old));
    return true;
  }

  /**
   * The "Load more" button (with how many are left) and the count shown; nothing once every
   * item is shown. `id` names the button, `what` the items ("follow-ups").
   */
  more(id: string, what: string, load: () => void): TemplateResult | typeof nothing {
    if (!this.next) return nothing;
    const left = Math.max(this.total - this.items.length, 0);
    return html`<div class="actions">
      <button type="button" id=${id} ?disabled=${this.loading} aria-describedby="${id}-shown"
        @click=${load}>${this.loading ? `Loading more ${what}…` : `Load more ${what} (${left} more)`}</button>
      <span id="${id}-shown" class="hint">${this.items.length} of ${this.total} ${what} shown</span>
    </div>`;
  }
}
