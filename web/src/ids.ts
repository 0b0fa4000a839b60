// Global ids: the gateway names every object `base64("TypeName:key")`. A host page embeds the
// CRM's customer id (the raw key); the widget sends the customer's global id, which the API
// takes everywhere (raw keys are accepted only until v2).

const GLOBAL = /^[A-Z][A-Za-z0-9]*:./;

function decoded(value: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The customer's global id, whether the host gave the raw key or the global id. */
export function customerGlobalId(id: string): string {
  const text = decoded(id);
  if (text !== null && GLOBAL.test(text)) return id;
  const bytes = new TextEncoder().encode(`Customer360:${id}`);
  return btoa(String.fromCharCode(...bytes));
}
