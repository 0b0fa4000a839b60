// The widget's only way to the gateway: POST /graphql with the host's bearer token.

/** The token was refused (expired or revoked): the host must supply a new one. */
export class AuthExpired extends Error {}

/** No answer from the gateway (down, unreachable, timed out, 5xx): safe to retry later. */
export class NetworkError extends Error {}

/** The gateway answered with GraphQL errors and no data. */
export class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Answer<T> {
  data: T;
  errors: GraphQLError[];
}

const TIMEOUT_MS = 20_000;

export class GatewayClient {
  constructor(
    private readonly endpoint: string,
    private readonly token: () => string,
  ) {}

  /**
   * Run one operation; partial data (some fields null with errors) is still an answer. Root
   * fields are nullable, each failing on its own: those in `required` (a mutation's payload,
   * `me`) null is no answer, as a null `data` is.
   */
  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    required: readonly string[] = [],
  ): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/graphql-response+json, application/json",
          Authorization: `Bearer ${this.token()}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new NetworkError(`the gateway did not answer (${String(error)})`);
    }
    if (response.status === 401) throw new AuthExpired("the session has expired");
    if (response.status >= 500) throw new NetworkError(`the gateway answered ${response.status}`);
    let body: { data?: T | null; errors?: GraphQLError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new NetworkError(`the gateway answered ${response.status} without JSON`);
    }
    const errors = body.errors ?? [];
    const codes = errors.map((error) => error.extensions?.code ?? "ERROR");
    if (codes.includes("UNAUTHENTICATED")) throw new AuthExpired("the session has expired");
    const data = body.data as Record<string, unknown> | null | undefined;
    if (data === undefined || data === null || required.some((field) => data[field] == null)) {
      throw new GraphQLFailure(errors.map((error) => error.message).join("; "), codes);
    }
    return { data: data as T, errors };
  }
}
