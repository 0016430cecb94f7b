// Whether a student's draft was edited from another version of the lesson's code than the one
// the lesson has now (an author changed the playground: in the dev server as they save, or in
// a new deployment). Pure, so the rule is tested on its own; the playground shows the notice.
import { fingerprint } from "./fingerprint";

/** The fingerprint a draft records of the code it started from (see Draft.starter). */
export const starterOf = (lessonCode: string): string => fingerprint(lessonCode);

/**
 * `draftStarter`: the fingerprint recorded with the draft; undefined for a draft saved before
 * Lanes recorded it, which is unknown and never reported (nagging about every old draft after
 * an upgrade would teach students to ignore the notice). `edited`: there is a draft at all (its
 * code differs from the lesson's now; a draft equal to the new code has nothing to compare).
 */
export function starterChanged(edited: boolean, draftStarter: string | undefined, lessonCode: string): boolean {
  return edited && draftStarter !== undefined && draftStarter !== starterOf(lessonCode);
}
