/** The address of a version's own text, which never changes: "/richtlijnen/versie/3". */
export function versionPath(number: number): string {
  return `/richtlijnen/versie/${number}`;
}
