/** Serialises rendered widget DOM for file snapshots: one element per line, so diffs stay readable. */
export function markup(node: Element): string {
  return `${node.outerHTML.replace(/></g, '>\n<')}\n`;
}
