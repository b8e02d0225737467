/**
 * The "your data" panel's state in the URL: the size imports are stored at (`<id>.size`).
 * The reader's files never go into the URL.
 */
import { choiceField, definedFields, type StateCodec } from '../shared/url-state';

/** Stored sizes offered: the CamVid checkpoint's 96x128, and 180x240 (the CLI importer's default). */
export const STORED_SIZES = ['96x128', '180x240'] as const;

export interface OwnDataState {
  size: (typeof STORED_SIZES)[number];
}

export const ownDataCodec: StateCodec<OwnDataState> = {
  defaults: { size: '96x128' },
  parse: (f) => definedFields<OwnDataState>({ size: choiceField(f.size, STORED_SIZES) }),
  serialize: (s) => ({ size: s.size }),
};
