// One stylesheet for every part of the widget: readable contrast and a visible focus ring.

import { css } from "lit";

export const widgetStyles = css`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .duplicates {
    border: 1px solid #b45309;
    border-radius: 4px;
    padding: 0.5rem;
    margin: 0.5rem 0;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
  .matches em {
    font-style: normal;
    font-weight: 600;
    background: #fef08a;
  }
`;
