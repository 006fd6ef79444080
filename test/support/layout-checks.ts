// Layout facts read from a real browser page: what sticks out of the viewport sideways, which
// controls are smaller than a finger, and where a region sits. Each returns plain data, so a
// failing assertion names the offending elements.
import type { Locator, Page } from 'playwright-core';

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Visible elements whose box reaches past either side of the viewport (up to 10). */
  outside: string[];
}

/** The page does not scroll sideways, and no visible element reaches past the viewport's sides. */
export function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const view = doc.defaultView!;
    const outside: string[] = [];
    for (const el of body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || view.getComputedStyle(el).visibility === 'hidden') continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      if (r.right > view.innerWidth + 1 || r.left < -1) outside.push(`${name} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
    return { scrollWidth: doc.documentElement.scrollWidth, innerWidth: view.innerWidth, outside: outside.slice(0, 10) };
  });
}

/** Visible controls under `root` smaller than `min` px either way (a checkbox counts by its label). */
export function smallTargets(root: Locator, min = 40): Promise<string[]> {
  return root.evaluate((el, min) => {
    const view = el.ownerDocument.defaultView!;
    const controls = el.querySelectorAll('button, select, textarea, input:not([type="hidden"]), [role="tab"], a.nav-item, a.ct-link');
    const small: string[] = [];
    for (const c of controls) {
      const box = c.matches('input[type="checkbox"], input[type="radio"]') ? (c.closest('label') ?? c) : c;
      const r = box.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || view.getComputedStyle(c).visibility === 'hidden') continue;
      if (r.height < min || r.width < min) small.push(`${c.tagName.toLowerCase()}.${[...c.classList].join('.')} "${(c.getAttribute('aria-label') ?? c.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return small;
  }, min);
}

export interface Box {
  left: number;
  right: number;
  top: number;
  width: number;
  height: number;
}

/** Where a region is on screen, or null when it is not shown. */
export async function boxOf(locator: Locator): Promise<Box | null> {
  const b = await locator.boundingBox();
  return b && b.width > 0 ? { left: b.x, right: b.x + b.width, top: b.y, width: b.width, height: b.height } : null;
}
