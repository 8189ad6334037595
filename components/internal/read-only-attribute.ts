/**
 * Reflected state that only the element sets (`phase`, `connection-state`, `fullscreen` on the room):
 * an edit of the attribute from outside is put back to what the element says.
 */
export function reassertAttribute(element: Element, name: string, value: string | boolean): void {
  if (value === false) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
    return;
  }
  const text = value === true ? '' : value;
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}
