// Labelled form controls with their error beside them, shared by the new-note and edit forms.

import { html, nothing, type TemplateResult } from "lit";
import { label, type UserError } from "./model.js";

/** The error for a field; the gateway names nested inputs with dots (followUp.dueAt). */
export function errorFor(errors: UserError[], field: string): UserError | undefined {
  return errors.find((error) => error.field === field);
}

export function errorText(id: string, error: UserError | undefined): TemplateResult | typeof nothing {
  return error
    ? html`<p class="error" id="${id}-error" role="alert">${error.message}</p>`
    : nothing;
}

export function select(
  id: string,
  text: string,
  value: string,
  options: readonly string[],
  onChange: (value: string) => void,
  error?: UserError,
): TemplateResult {
  return html`
    <label for=${id}>${text}</label>
    <select
      id=${id}
      .value=${value}
      aria-invalid=${error ? "true" : "false"}
      aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.map(
        (option) => html`<option value=${option} ?selected=${option === value}>${label(option)}</option>`,
      )}
    </select>
    ${errorText(id, error)}
  `;
}
