export function chromiumPath(): string | undefined;
export function hasPlaywrightChromium(): boolean;
export const CHROMIUM_ARGS: string[];
