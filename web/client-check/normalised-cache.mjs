// A stock normalised-cache client (urql + graphcache) against a running gateway.
//
// Usage: GATEWAY_TOKEN=<bearer> node normalised-cache.mjs <graphql url> <schema.graphql> <customer id> <assignee id>
//
// graphcache gets the schema (for interface matching) and NO `keys` config: every entity is keyed
// by its default `__typename` + `id`. Every network request goes through a counting fetch, so the
// output shows which steps were answered by the cache alone. Prints one JSON object on stdout.
import { readFileSync } from "node:fs";
import { Client, fetchExchange, gql } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { buildSchema, introspectionFromSchema } from "graphql";

const [url, schemaPath, customerId, assigneeId] = process.argv.slice(2);
const token = process.env.GATEWAY_TOKEN;
if (!url || !schemaPath || !customerId || !assigneeId || !token) {
  console.error("usage: GATEWAY_TOKEN=... node normalised-cache.mjs <url> <schema> <customer> <assignee>");
  process.exit(2);
}

// graphcache reports entities it cannot key (and so embeds in their parent) with console.warn.
const warnings = [];
console.warn = (...parts) => warnings.push(parts.join(" "));

const requests = [];
const countingFetch = (input, init) => {
  requests.push(JSON.parse(init.body).operationName);
  return fetch(input, init);
};

const schema = introspectionFromSchema(buildSchema(readFileSync(schemaPath, "utf8")));
const client = new Client({
  url,
  fetch: countingFetch,
  preferGetMethod: false,
  fetchOptions: { headers: { Authorization: `Bearer ${token}` } },
  exchanges: [cacheExchange({ schema }), fetchExchange],
});

const NOTE_FIELDS = "__typename id noteId subject body version";
const CUSTOMER_NOTES = gql`
  query CustomerNotes($id: ID!) {
    customer(id: $id) { id customerId name notes(first: 100) { totalCount edges { node { ${NOTE_FIELDS} } } } }
  }
`;
const NOTE = gql`query OneNote($id: ID!) { note(id: $id) { ${NOTE_FIELDS} } }`;
const NODE = gql`query NodeNote($id: ID!) { node(id: $id) { id ... on Note { ${NOTE_FIELDS} } } }`;
const CREATE = gql`
  mutation CreateNote($input: CreateNoteInput!) {
    createNote(input: $input) { note { ${NOTE_FIELDS} } errors { field code message } }
  }
`;
const UPDATE = gql`
  mutation UpdateNote($input: UpdateNoteInput!) {
    updateNote(input: $input) { note { id version subject } errors { field code message } }
  }
`;
const DELETE = gql`
  mutation DeleteNote($input: DeleteNoteInput!) {
    deleteNote(input: $input) { note { id version deleted deletedAt } errors { field code message } }
  }
`;
// The customer as a card shows it; tagCustomer and raiseRiskFlag select the same fields on the
// customer they return, so graphcache writes them onto the cached customer.
const CARD_FIELDS = "id customerId badges tags(first: 100) { edges { node } }";
const CUSTOMER_CARD = gql`
  query CustomerCard($id: ID!) {
    customer(id: $id) { ${CARD_FIELDS} riskFlags(first: 100) { edges { node { id kind clearedAt } } } }
  }
`;
const TAG_CUSTOMER = gql`
  mutation TagCustomer($input: TagCustomerInput!) {
    tagCustomer(input: $input) { tags errors { field code message } customer { ${CARD_FIELDS} } }
  }
`;
const RAISE_RISK_FLAG = gql`
  mutation RaiseRiskFlag($input: RaiseRiskFlagInput!) {
    raiseRiskFlag(input: $input) { riskFlag { id kind } errors { field code message } customer { ${CARD_FIELDS} } }
  }
`;
const FOLLOW_UPS = gql`
  query CustomerFollowUps($id: ID!) {
    customer(id: $id) { id followUps(first: 100) { edges { node { id followUpId noteId completedAt outcome } } } }
  }
`;
const COMPLETE = gql`
  mutation CompleteFollowUp($id: ID!) {
    completeFollowUp(input: { id: $id, outcome: "interested" }) { followUp { id completedAt outcome } errors { field code message } }
  }
`;
const REFERRALS = gql`
  query Referrals {
    customers(first: 100) { edges { node { __typename id customerId name referredBy { __typename id customerId name } } } }
  }
`;

/** Run an operation through the client (network or cache, as the request policy decides). */
async function run(query, variables) {
  const result = await client.query(query, variables).toPromise();
  if (result.error) throw new Error(`${query.definitions[0].name.value}: ${result.error.message}`);
  return result.data;
}

async function mutate(mutation, variables) {
  const result = await client.mutation(mutation, variables).toPromise();
  if (result.error) throw new Error(`${mutation.definitions[0].name.value}: ${result.error.message}`);
  return result.data;
}

/** Read an operation from the cache alone; null when the cache cannot answer it in full. */
function cached(query, variables) {
  const result = client.readQuery(query, variables, { requestPolicy: "cache-only" });
  return result && !result.stale && !result.error ? result.data : null;
}

/** The key graphcache stores an entity under by default. */
const keyOf = (entity) => `${entity.__typename}:${entity.id}`;

const started = performance.now();
const out = { steps: {} };

// (1) A note with a follow-up (the created note is whatever the mutation returns), then the
// customer's notes, the note and the same note through node(id:), all from the network.
const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
const created = await mutate(CREATE, {
  input: {
    customerId,
    subject: "Cache check",
    body: "Original body",
    category: "SUPPORT",
    type: "FOLLOW_UP",
    scope: "SUPPORT",
    followUp: { assigneeId, dueAt },
  },
});
if (created.createNote.errors.length) throw new Error(JSON.stringify(created.createNote.errors));
const note = created.createNote.note;
const listed = await run(CUSTOMER_NOTES, { id: customerId });
const viaNote = await run(NOTE, { id: note.id });
const viaNode = await run(NODE, { id: note.id });
const listedNote = listed.customer.notes.edges.map((e) => e.node).find((n) => n.id === note.id);
out.steps.read = {
  requests: requests.length,
  listed: Boolean(listedNote),
  keys: [keyOf(listedNote), keyOf(viaNote.note), keyOf(viaNode.node)],
  version: note.version,
};

// (2) updateNote selects only `note { id version subject }`; every query holding the note reads
// the new values from the cache with no request.
let before = requests.length;
const updated = await mutate(UPDATE, {
  input: { id: note.id, expectedVersion: note.version, subject: "Cache check (edited)" },
});
const mutationRequests = requests.length - before;
before = requests.length;
const afterList = cached(CUSTOMER_NOTES, { id: customerId });
const afterNote = cached(NOTE, { id: note.id });
const afterNode = cached(NODE, { id: note.id });
const pick = (n) => n && { subject: n.subject, version: n.version, body: n.body };
out.steps.update = {
  errors: updated.updateNote.errors,
  returned: updated.updateNote.note,
  mutationRequests,
  readRequests: requests.length - before,
  list: pick(afterList?.customer.notes.edges.map((e) => e.node).find((n) => n.id === note.id)),
  note: pick(afterNote?.note),
  node: pick(afterNode?.node),
};

// (4) completeFollowUp returns the follow-up; the cached customer view shows it completed.
const open = await run(FOLLOW_UPS, { id: customerId });
const followUp = open.customer.followUps.edges.map((e) => e.node).find((f) => f.noteId === note.noteId);
before = requests.length;
const completed = await mutate(COMPLETE, { id: followUp.id });
const completeRequests = requests.length - before;
before = requests.length;
const afterFollowUps = cached(FOLLOW_UPS, { id: customerId });
const cachedFollowUp = afterFollowUps?.customer.followUps.edges
  .map((e) => e.node)
  .find((f) => f.id === followUp.id);
out.steps.followUp = {
  errors: completed.completeFollowUp.errors,
  before: { completedAt: followUp.completedAt },
  mutationRequests: completeRequests,
  readRequests: requests.length - before,
  cached: cachedFollowUp && { completedAt: cachedFollowUp.completedAt },
  returned: completed.completeFollowUp.followUp,
};

// (5) The same customer as a Customer360 and as a CustomerRef (a referrer): two entities with
// different ids, each keeping its own fields.
const everyone = await run(REFERRALS, {});
const referred = everyone.customers.edges.map((e) => e.node).find((c) => c.referredBy);
if (referred) {
  const ref = referred.referredBy;
  const full = everyone.customers.edges.map((e) => e.node).find((c) => c.customerId === ref.customerId);
  before = requests.length;
  const again = cached(REFERRALS, {});
  const againRef = again.customers.edges.map((e) => e.node).find((c) => c.id === referred.id).referredBy;
  out.steps.identity = {
    customerId: ref.customerId,
    keys: [keyOf(full), keyOf(againRef)],
    readRequests: requests.length - before,
  };
} else {
  out.steps.identity = null;
}

// (6) deleteNote returns the note marked `deleted: true`; graphcache keeps it in the cached list
// (a list's membership is the server's to say) until the list is fetched again or an updater
// drops it on that mark.
before = requests.length;
const deleted = await mutate(DELETE, { input: { id: note.id } });
const deleteRequests = requests.length - before;
before = requests.length;
const stale = cached(CUSTOMER_NOTES, { id: customerId });
const staleRequests = requests.length - before;
before = requests.length;
const fresh = (await client.query(CUSTOMER_NOTES, { id: customerId }, { requestPolicy: "network-only" }).toPromise()).data;
const listHas = (data) => data.customer.notes.edges.some((e) => e.node.id === note.id);
out.steps.delete = {
  errors: deleted.deleteNote.errors,
  returned: deleted.deleteNote.note,
  mutationRequests: deleteRequests,
  cachedStillListed: listHas(stale),
  cachedTotalCount: stale.customer.notes.totalCount,
  cachedReadRequests: staleRequests,
  refetchRequests: requests.length - before,
  refetchedListed: listHas(fresh),
  refetchedTotalCount: fresh.customer.notes.totalCount,
};

// (7) tagCustomer (a list of tags) and raiseRiskFlag return the customer: the cached customer
// card shows the new tags and the UNDER_REVIEW badge with no request.
const card = await run(CUSTOMER_CARD, { id: customerId });
const tagsOf = (data) => data && data.customer.tags.edges.map((e) => e.node);
const openKinds = card.customer.riskFlags.edges.filter((e) => !e.node.clearedAt).map((e) => e.node.kind);
const kind = ["MANUAL_FLAG", "ABUSIVE_BEHAVIOR", "FREQUENT_CLAIMS"].find((k) => !openKinds.includes(k));
before = requests.length;
const tagged = await mutate(TAG_CUSTOMER, {
  input: { customerId: card.customer.id, tags: ["Cache Check", "cached"] },
});
const tagRequests = requests.length - before;
before = requests.length;
const afterTag = cached(CUSTOMER_CARD, { id: customerId });
const tagReadRequests = requests.length - before;
before = requests.length;
const raised = await mutate(RAISE_RISK_FLAG, {
  input: { customerId: card.customer.id, kind, reason: "Cache check" },
});
const raiseRequests = requests.length - before;
before = requests.length;
const afterRaise = cached(CUSTOMER_CARD, { id: customerId });
out.steps.customer = {
  before: { tags: tagsOf(card), badges: card.customer.badges, openFlags: openKinds.length },
  tag: {
    errors: tagged.tagCustomer.errors,
    returned: tagged.tagCustomer.tags,
    mutationRequests: tagRequests,
    readRequests: tagReadRequests,
    cachedTags: tagsOf(afterTag),
  },
  raise: {
    errors: raised.raiseRiskFlag.errors,
    returned: raised.raiseRiskFlag.customer?.badges,
    mutationRequests: raiseRequests,
    readRequests: requests.length - before,
    cachedBadges: afterRaise?.customer.badges ?? null,
  },
};

out.requests = requests;
out.warnings = warnings;
out.ms = Math.round(performance.now() - started);
console.log(JSON.stringify(out));
