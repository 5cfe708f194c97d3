/**
 * The same handlers, each followed by `then` once it answered: a change one domain makes that
 * another shows (a refund taking an order off the number board) is seen at once, not at the
 * next look.
 */
export function afterEach<H extends Record<string, (...args: never[]) => Promise<unknown>>>(
  handlers: H,
  then: () => void,
): H {
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      async (...args: never[]) => {
        const answer = await handler(...args);
        then();
        return answer;
      },
    ]),
  ) as H;
}
