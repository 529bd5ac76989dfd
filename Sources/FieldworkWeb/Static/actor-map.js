// Zoom and pan for the actor map on /actors: the inline SVG is scaled and moved with a CSS
// transform inside its viewport. Keyboard: focus the map, then + / − zoom around the middle,
// 0 shows the actual size (readable text), F fits the whole map, the arrow keys move it
// (Shift moves further). The toolbar buttons do the same; a pointer drags the map. Steps are
// animated only when the reader has not asked for reduced motion (the CSS transition sits in a
// prefers-reduced-motion: no-preference block). The map opens fitted to its box (at actual
// size a large map showed only its empty top-left corner) and stays fitted as the window
// changes until the reader zooms or moves it.

const MIN = 0.1;
const MAX = 6;
const STEP = 1.25;
const PAN = 60;

export function initActorMap(viewport) {
  const svg = viewport.querySelector('svg');
  if (!svg) return;
  let scale = 1;
  let x = 0;
  let y = 0;
  let fitted = false;

  function apply({ fitting = false } = {}) {
    fitted = fitting;
    svg.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    viewport.dataset.scale = scale.toFixed(3);
    viewport.dataset.x = String(Math.round(x));
    viewport.dataset.y = String(Math.round(y));
  }

  // Zoom keeping the point (cx, cy) of the viewport where it is.
  function zoom(factor, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) {
    const next = Math.min(MAX, Math.max(MIN, scale * factor));
    x = cx - (cx - x) * (next / scale);
    y = cy - (cy - y) * (next / scale);
    scale = next;
    apply();
  }

  function reset() {
    scale = 1;
    x = 0;
    y = 0;
    apply();
  }

  function fit() {
    const width = svg.width.baseVal.value || svg.getBoundingClientRect().width / scale;
    const height = svg.height.baseVal.value || svg.getBoundingClientRect().height / scale;
    if (!width || !height || !viewport.clientWidth || !viewport.clientHeight) return apply();
    scale = Math.min(MAX, Math.max(MIN, Math.min(viewport.clientWidth / width, viewport.clientHeight / height)));
    x = (viewport.clientWidth - width * scale) / 2;
    y = 0;
    apply({ fitting: true });
  }

  function pan(dx, dy) {
    x += dx;
    y += dy;
    apply();
  }

  const actions = { in: () => zoom(STEP), out: () => zoom(1 / STEP), reset, fit };
  document.querySelectorAll('[data-zoom]').forEach((button) => {
    button.addEventListener('click', () => actions[button.dataset.zoom]?.());
  });

  viewport.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const far = event.shiftKey ? 4 : 1;
    const keys = {
      '+': () => zoom(STEP), '=': () => zoom(STEP), '-': () => zoom(1 / STEP), '−': () => zoom(1 / STEP),
      '0': reset, f: fit, F: fit,
      ArrowLeft: () => pan(PAN * far, 0), ArrowRight: () => pan(-PAN * far, 0),
      ArrowUp: () => pan(0, PAN * far), ArrowDown: () => pan(0, -PAN * far),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  let drag = null;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { startX: event.clientX - x, startY: event.clientY - y };
    viewport.setPointerCapture(event.pointerId);
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag) return;
    x = event.clientX - drag.startX;
    y = event.clientY - drag.startY;
    apply();
  });
  viewport.addEventListener('pointerup', () => { drag = null; });
  viewport.addEventListener('wheel', (event) => {
    if (!event.ctrlKey) return;  // a plain wheel scrolls the page
    event.preventDefault();
    const box = viewport.getBoundingClientRect();
    zoom(event.deltaY < 0 ? STEP : 1 / STEP, event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  // Not animated: the first fit is how the map opens, not a step the reader took.
  svg.style.transition = 'none';
  fit();
  void svg.getBoundingClientRect();
  svg.style.transition = '';
  new ResizeObserver(() => { if (fitted) fit(); }).observe(viewport);
}

const viewport = document.getElementById('actor-map');
if (viewport) initActorMap(viewport);
