// One request at a time per host: wraps a fetch so that requests to the same host wait for the one before them
// to finish (its body read or cancelled by the caller counts as finished when the promise settles).
export function oneRequestPerHost(fetchImpl: typeof fetch): typeof fetch {
  const tails = new Map<string, Promise<unknown>>();
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return fetchImpl(input, init);
    }
    const before = tails.get(host) ?? Promise.resolve();
    const request = before.catch(() => undefined).then(() => fetchImpl(input, init));
    // The next request to this host starts once this one's response has been fully read.
    const done = request.then((response) => response.clone().arrayBuffer().catch(() => undefined), () => undefined);
    tails.set(host, done);
    void done.then(() => {
      if (tails.get(host) === done) tails.delete(host);
    });
    return request;
  };
}
