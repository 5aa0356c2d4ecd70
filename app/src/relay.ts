/** Work in progress (issue 12): the relay function's entry point. */
export async function handler(): Promise<void> {
    throw new Error("relay: not implemented yet");
}
