import type { AnyNode, Element } from 'domhandler';
import { Text } from 'domhandler';

/** Deeper than any real page; hostile pages nest tags by the hundred thousand. */
export const MAX_DEPTH = 400;

/**
 * Replace every subtree below `limit` levels with its text, walking without recursion, so that
 * what reads the tree afterwards (and recurses) cannot overflow the stack.
 */
export function flattenDeepNodes(root: Element, limit = MAX_DEPTH): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = (node as Element).children;
    if (!children || children.length === 0) continue;
    if (depth >= limit) {
      const text = new Text(textOf(node));
      text.parent = node as Element;
      (node as Element).children = [text];
      continue;
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
}

function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as Text).data);
    else if (n.type === 'tag' || n.type === 'root') {
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('');
}
