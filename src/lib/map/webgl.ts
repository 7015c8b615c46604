/** Whether this browser can give MapLibre a WebGL context (MapLibre 5 needs WebGL 2). */
export function hasWebgl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2'));
  } catch {
    return false;
  }
}
