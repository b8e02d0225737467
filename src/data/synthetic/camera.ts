/**
 * A pinhole camera looking down a straight street. World axes, in metres: X to the right,
 * Y up from the ground, Z forward (depth). Image axes: x right, y down, in pixels.
 *
 *   x = cx + f * (X - lateral) / Z,   y = horizon + f * (eyeHeight - Y) / Z
 *
 * X is measured from the middle of the road; the camera rides at X = lateral, in its lane. *
 * so the ground (Y = 0) meets the horizon as Z grows, and sizes shrink as 1/Z.
 */

/** The camera of one scene, in pixels of the output size. */
export interface Camera {
  width: number;
  height: number;
  /** Focal length in pixels. */
  focal: number;
  /** Image row of the horizon (vanishing line). */
  horizon: number;
  /** Image column of the vanishing point. */
  cx: number;
  /** Camera height above the ground, metres. */
  eyeHeight: number;
  /** Camera position across the street (X), metres. */
  lateral: number;
}

/** Resolution-independent camera parameters (fractions of the image size). */
export interface CameraPlan {
  /** Focal length as a fraction of the image width. */
  focalFrac: number;
  horizonFrac: number;
  cxFrac: number;
  eyeHeight: number;
  lateral: number;
}

/** The camera of a plan at a given output size. */
export function cameraFor(plan: CameraPlan, height: number, width: number): Camera {
  return {
    width,
    height,
    focal: plan.focalFrac * width,
    horizon: plan.horizonFrac * height,
    cx: plan.cxFrac * width,
    eyeHeight: plan.eyeHeight,
    lateral: plan.lateral,
  };
}

/** Image x of world (X, Z). */
export function projectX(cam: Camera, X: number, Z: number): number {
  return cam.cx + (cam.focal * (X - cam.lateral)) / Z;
}

/** Image y of world (Y, Z). */
export function projectY(cam: Camera, Y: number, Z: number): number {
  return cam.horizon + (cam.focal * (cam.eyeHeight - Y)) / Z;
}

/** World X seen at image column x and depth Z. */
export function worldX(cam: Camera, x: number, Z: number): number {
  return cam.lateral + ((x - cam.cx) * Z) / cam.focal;
}

/** Depth of the ground seen at image row y (only below the horizon). */
export function groundDepth(cam: Camera, y: number): number {
  return (cam.focal * cam.eyeHeight) / (y - cam.horizon);
}

/** Depth at which image column x sees the vertical plane X = planeX (Infinity if it never does). */
export function planeDepth(cam: Camera, planeX: number, x: number): number {
  const dx = x - cam.cx;
  const across = planeX - cam.lateral;
  if (dx === 0 || Math.sign(dx) !== Math.sign(across)) return Number.POSITIVE_INFINITY;
  return (cam.focal * across) / dx;
}
