// Reads YAML as Helm and kubectl do: sigs.k8s.io/yaml runs go-yaml v2, which follows YAML 1.1, so
// an unquoted on, y, no, 010, 0x1F or 1.10 is a boolean or a number (and a key is then turned back
// into another string: on -> "true", 010 -> "8"). The `yaml` package's 1.1 schema reads them alike.
import { parseAllDocuments, parse } from 'yaml';

const OPTIONS = { version: '1.1' as const, uniqueKeys: true, merge: true };

/** Every document of a multi-document stream, as Helm's YAML reader sees it; empty ones dropped. */
export function loadAllAsHelm(text: string): any[] {
  return parseAllDocuments(text, OPTIONS).flatMap((document) => {
    if ('errors' in document && document.errors.length > 0) throw document.errors[0];
    const value = document.toJS({ maxAliasCount: 100 });
    return value === null || value === undefined ? [] : [value];
  });
}

/** One document, as Helm's YAML reader sees it. */
export function loadAsHelm(text: string): any {
  return parse(text, OPTIONS);
}
