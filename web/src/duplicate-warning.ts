// The answer to a save refused as a near-copy (DUPLICATE_SUSPECTED): the recent notes it
// resembles, which the gateway shows only if the agent may read them, and the choice to save
// anyway or go back to the draft.

import { html } from "lit";
import type { Duplicate } from "./outbox.js";

export function duplicateWarning(
  duplicates: Duplicate[],
  busy: boolean,
  saveAnyway: () => void,
  cancel: () => void,
) {
  return html`<div class="duplicates" role="group" aria-label="Possible duplicate">
    <p>This note looks like ${duplicates.length === 1 ? "a recent note" : "recent notes"} of this
      customer:</p>
    <ul aria-label="Similar notes">
      ${duplicates.map(
        (d) => html`<li>
          <strong>${d.note.subject}</strong>
          <span class="hint">${d.note.author?.name ?? "Someone"},
            ${new Date(d.note.createdAt).toLocaleString()} ·
            ${Math.round(d.similarity * 100)}% alike</span>
        </li>`,
      )}
    </ul>
    <button class="primary" ?disabled=${busy} @click=${saveAnyway}>Save anyway</button>
    <button ?disabled=${busy} @click=${cancel}>Cancel</button>
  </div>`;
}
