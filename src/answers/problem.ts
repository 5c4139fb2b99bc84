/** A problem with the answers: the field path the user must change, and why. */
export interface Problem {
  path: string;
  message: string;
}
