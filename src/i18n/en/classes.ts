/**
 * The CamVid classes as readers see them, by label index 0..10 (the engine's own names stay in
 * src/data/palette.ts), and the name of void (label 11) pixels.
 */
export const classes = {
  names: ['Sky', 'Building', 'Pole', 'Road', 'Pavement', 'Tree', 'SignSymbol', 'Fence', 'Car', 'Pedestrian', 'Bicyclist'] as readonly string[],
  void: 'Unlabelled',
  /** A label outside the class list. */
  unknown: (label: number) => `class ${label}`,
};
