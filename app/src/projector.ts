/** Work in progress (issue 12): the projector function's entry point. */
export async function handler(): Promise<void> {
    throw new Error("projector: not implemented yet");
}
