// The GraphQL operations the widget sends (see schema/schema.graphql).

const NOTE = `id customerId author { agentId name } subject body category type scope importance
  pinned tags version createdAt updatedAt`;

export const ME = `query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;

// Notes come a page at a time (the list's "Load more" asks for the next one).
export const NOTES_PAGE = 25;

// Lists and searches of notes narrow with the one NoteFilter input.
export const CUSTOMER_NOTES = `query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${NOTE} } }
    }
  }
  controlledTags { tag }
}`;

export const MORE_NOTES = `query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${NOTE} } }
    }
  }
}`;

export const SEARCH_NOTES = `query WidgetSearch($query: String, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { highlights { subject body } node { ${NOTE} } }
  }
}`;

export const NOTE_BY_ID = `query WidgetNote($id: ID!) { note(id: $id) { ${NOTE} } }`;

export const HISTORY = `query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editor { agentId name } editedAt changes { field before after } } }
    }
  }
}`;

export const AGENTS = `query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`;

// A near-copy of a recent note is refused with DUPLICATE_SUSPECTED and what it resembles.
export const CREATE_NOTE = `mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) {
    note { ${NOTE} } errors { field code message }
    duplicates { similarity note { id subject createdAt author { name } } }
  }
}`;

export const UPDATE_NOTE = `mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${NOTE} } errors { field code message } }
}`;

export const DELETE_NOTE = `mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`;

export const RESTORE_NOTE = `mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${NOTE} } errors { field code message } }
}`;
