// Who the sidebar works for, to tell a renewed token (same agent) from a new sign-in.

import type { Me } from "./model.js";

/** A change of any part (subject, roles, permissions) is a different principal. */
export function principalKey(me: Me): string {
  return JSON.stringify([me.subject, [...me.roles].sort(), me.permissions]);
}

/**
 * The `sub` claim a JWT carries, read without verifying it (null when it is not a readable
 * JWT). Only a hint, to hide the previous agent's view at once; `me` decides.
 */
export function tokenSubject(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replaceAll("-", "+").replaceAll("_", "/"));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === "string" ? claims.sub : null;
  } catch {
    return null;
  }
}
