/** The page tells a waiting worker (a new version) to take over: the student asked for it. */
export const ACTIVATE_MESSAGE = "lanes:activate";
