/** A request as the checks build it; header names in lower case. */
export interface HttpRequest {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
}

/** A response read in full; header names in lower case. */
export interface HttpResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
}

/**
 * The one seam between the checks and the network. Authentication wraps a client in another one
 * (SigV4, bearer token), so the checks never know how the API is protected.
 */
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * An API path under the API's base URL. The URL of a `$default` stage ends in `/`; a named stage
 * would add `/<stage>/`, and the path must stay under it, so this does not use `new URL(path, base)`.
 */
export function apiEndpoint(apiUrl: string, path: string): string {
    return `${apiUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** A client on Node's fetch. Each request gives up after `timeoutMs`; redirects are not followed. */
export function fetchClient(timeoutMs = 30_000): HttpClient {
    return async (request) => {
        // fetch derives Host from the URL; a signed request carries the same value in its headers.
        const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host"));
        const response = await fetch(request.url, {
            method: request.method,
            headers,
            body: request.body,
            redirect: "manual",
            signal: AbortSignal.timeout(timeoutMs),
        });
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
            responseHeaders[name.toLowerCase()] = value;
        });
        return { status: response.status, headers: responseHeaders, body: await response.text() };
    };
}

/** Adds `Authorization: Bearer <token>` to every request (an API behind a JWT authorizer). */
export function bearerClient(base: HttpClient, token: string): HttpClient {
    return (request) => base({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
}
