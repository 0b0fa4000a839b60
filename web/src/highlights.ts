// searchNotes highlights: HTML-escaped text with <em> marks. Only the marks become markup; every
// other character is decoded and rendered as text, so a stored `<img onerror>` stays words.

import { html, type TemplateResult } from "lit";

export interface Highlights {
  subject: string[];
  body: string[];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** `&lt;img&gt;` → `<img>` (as text): the escapes the gateway's search backends produce. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#")) {
      const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[lower] ?? whole;
  });
}

/** One fragment as text pieces, the matched ones marked. */
export function pieces(fragment: string): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of fragment.split(/(<\/?em>)/i)) {
    const tag = part.toLowerCase();
    if (tag === "<em>" || tag === "</em>") {
      marked = tag === "<em>";
    } else if (part) {
      out.push({ text: unescapeHtml(part), marked });
    }
  }
  return out;
}

/** A fragment for a lit template: text bindings, with <em> around the matched words. */
export function renderFragment(fragment: string): TemplateResult {
  return html`${pieces(fragment).map((p) => (p.marked ? html`<em>${p.text}</em>` : p.text))}`;
}

/** The fragments of one hit: the subject's, then the body's. */
export function fragmentsOf(highlights: Highlights | undefined): string[] {
  return highlights ? [...highlights.subject, ...highlights.body] : [];
}
