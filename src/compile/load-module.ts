// Browser only: programs load as ES modules from Blob URLs (same origin, no network).

export function createModuleUrl(js: string): string {
  return URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
}

export async function importModule(url: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
}

export function revokeModuleUrl(url: string): void {
  URL.revokeObjectURL(url);
}
