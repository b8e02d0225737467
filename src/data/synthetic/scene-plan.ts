/**
 * What a synthetic street scene contains, decided before any pixel is drawn. Plans are in
 * metres and image fractions, so one seed describes the same scene at every output size;
 * drawing reads the plan and never draws random numbers.
 */
import type { Rgb } from '../palette';
import type { CameraPlan } from './camera';

/** Global light: haze towards the horizon, which side is in shadow, and camera response. */
export interface LightingPlan {
  exposure: number;
  /** Per-channel white balance. */
  tint: Rgb;
  hazeColor: Rgb;
  /** Metres over which haze reaches 63% (aerial perspective). */
  hazeDistance: number;
  /** The shaded side of the street: -1 left, 1 right. */
  shadeSide: -1 | 1;
  /** How far the shade reaches across the street from that side, metres. */
  shadeReach: number;
  /** Standard deviation-like amplitude of sensor noise, 0..255 units. */
  sensorNoise: number;
  /** Blend factor of a 3x3 blur (lens softness), 0..1. */
  softness: number;
}

/** A sky gradient with clouds. */
export interface SkyPlan {
  top: Rgb;
  bottom: Rgb;
  cloudiness: number;
  seed: number;
}

/** The cross-section of the street. */
export interface StreetPlan {
  /** Half the road width, metres. */
  roadHalf: number;
  /** Lanes per direction (lane lines between them). */
  lanesPerSide: number;
  pavementLeft: number;
  pavementRight: number;
  asphalt: Rgb;
  paving: Rgb;
  marking: Rgb;
  /** Depth of a zebra crossing, or null. */
  crossingZ: number | null;
  seed: number;
}

/** One building along a facade: a stretch of wall between depths z0 and z1. */
export interface BuildingPlan {
  z0: number;
  z1: number;
  height: number;
  wall: Rgb;
  window: Rgb;
  /** Fraction of windows lit or reflecting the sky. */
  brightWindows: number;
  floorHeight: number;
  bayWidth: number;
  /** A darker ground floor (shop windows, doors). */
  shopfront: boolean;
  seed: number;
}

/** A row of buildings on a vertical plane X = x along the street. */
export interface FacadePlan {
  x: number;
  buildings: BuildingPlan[];
}

/** Buildings facing the camera at the far end of the street. */
export interface SkylinePlan {
  z: number;
  blocks: Array<{ x0: number; x1: number; height: number; wall: Rgb }>;
}

/** A fence on the plane X = x, from depth z0 to z1. */
export interface FencePlan {
  x: number;
  z0: number;
  z1: number;
  height: number;
  color: Rgb;
  style: 'railings' | 'panels';
  /** Distance between bars or posts, metres. */
  spacing: number;
}

/** A sign carried by a pole. */
export interface SignPlan {
  shape: 'disc' | 'board' | 'triangle' | 'lights';
  /** Height of the sign's centre, metres. */
  y: number;
  size: number;
  face: Rgb;
  rim: Rgb;
}

/** Things standing in the scene, drawn far to near. */
export type PropPlan =
  | { kind: 'tree'; x: number; z: number; trunkHeight: number; crownRadius: number; leaves: Rgb; seed: number }
  | { kind: 'bush'; x: number; z: number; radius: number; leaves: Rgb; seed: number }
  | { kind: 'pole'; x: number; z: number; height: number; width: number; color: Rgb; armToward: number; sign: SignPlan | null }
  | { kind: 'car'; x: number; z: number; width: number; height: number; length: number; body: Rgb; facing: 'away' | 'toward'; seed: number }
  | { kind: 'pedestrian'; x: number; z: number; height: number; top: Rgb; legs: Rgb; skin: Rgb; stride: number; seed: number }
  | { kind: 'cyclist'; x: number; z: number; view: 'side' | 'rear'; heading: -1 | 1; frame: Rgb; top: Rgb; legs: Rgb; skin: Rgb; pedal: number }
  | { kind: 'clutter'; x: number; z: number; width: number; height: number; color: Rgb };

/** A whole scene. */
export interface ScenePlan {
  camera: CameraPlan;
  lighting: LightingPlan;
  sky: SkyPlan;
  street: StreetPlan;
  left: FacadePlan | null;
  right: FacadePlan | null;
  skyline: SkylinePlan | null;
  fences: FencePlan[];
  props: PropPlan[];
  /** Outline people, cars and cyclists with a 1-pixel void border, as CamVid's annotators often did. */
  voidBorders: boolean;
  noiseSeed: number;
}
