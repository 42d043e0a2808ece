import type { FieldError } from './field-error';

/**
 * Deepest nesting any request payload may have. DTOs nest three or four levels; class-transformer
 * and class-validator recurse, so a body nested thousands of levels deep would overflow the stack.
 */
export const MAX_INPUT_DEPTH = 32;

/** Errors reported for one payload at most: enough to fix it, small enough to send back. */
const MAX_REPORTED = 50;

const NUL = '\u0000';
/**
 * Keys that reach object prototypes when a payload is merged or copied downstream. class-transformer
 * drops them silently, so they get the 400 every other unknown field gets.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string as text we store, or undefined when nothing is. */
function textProblem(value: string): string | undefined {
  // PostgreSQL text cannot hold NUL; UTF-8 cannot encode a lone surrogate (pg would store U+FFFD).
  if (value.includes(NUL)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (no lone surrogates)';
  return undefined;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The rules every string and every payload must meet whatever its DTO says: no NUL characters, no
 * lone surrogates (in values and in keys), no prototype keys (`__proto__`, `constructor`,
 * `prototype`), and at most {@link MAX_INPUT_DEPTH} levels of nesting.
 * Walks iteratively (no recursion, so depth cannot overflow the stack) and names each bad field the
 * way validation errors do (`needs[0].description`); `root` names a bare string (e.g. `body`).
 */
export function findUnsafeInput(value: unknown, root = 'body', maxDepth = MAX_INPUT_DEPTH): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) errors.push({ field: path || root, messages: [problem] });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) {
      errors.push({ field: path || root, messages: [`is nested more than ${maxDepth} levels deep`] });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, i) => [i, item])
      : Object.entries(current as Record<string, unknown>);
    // Pushed last-first, so fields are reported in document order.
    for (const [key, child] of entries.reverse()) {
      const path_ = childPath(path, key);
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) {
        errors.push({ field: path_, messages: ['is not an accepted field'] });
        continue;
      }
      const keyProblem = typeof key === 'string' ? textProblem(key) : undefined;
      if (keyProblem) errors.push({ field: path_, messages: [`name ${keyProblem}`] });
      else pending.push({ value: child, path: path_, depth: depth + 1 });
    }
  }
  return errors;
}
