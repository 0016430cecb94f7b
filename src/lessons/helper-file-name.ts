// A playground's second file (```ts file=helpers.ts) is imported as "./helpers": its name must
// be one a student can type in an import and an editor tab can show, and must not be taken by
// the playground's own code, which the editor calls main.ts.

/** What the editor's tab calls a playground's own code; a helper file may not take the name. */
export const MAIN_FILE_NAME = "main.ts";

/** `<identifier>.ts`: what a helper file may be called (wherever a name comes from outside). */
export const HELPER_FILE_NAME = /^[A-Za-z_$][\w$]*\.ts$/;

/** Why `name` cannot name a helper file, or undefined when it can. */
export function helperFileNameProblem(name: string): string | undefined {
  if (name === MAIN_FILE_NAME) return `"${MAIN_FILE_NAME}" is the playground's own code: give the helper file another name, such as helpers.ts.`;
  if (!HELPER_FILE_NAME.test(name)) {
    return `A helper file is named <identifier>.ts (letters, digits, _ and $, not starting with a digit), such as helpers.ts, so the program can import it as "./helpers"; "${name}" is not.`;
  }
  return undefined;
}
