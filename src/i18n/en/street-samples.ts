/** The own-image widget's sample streets. */
export const streetSamples = {
  heading: 'Or try a sample street',
  note: 'Drawn by this site’s scene generator, not photographed (public domain).',
  button: (seed: number) => `Sample street ${seed}`,
  name: (seed: number) => `sample street ${seed}`,
  loading: (seed: number) => `Fetching sample street ${seed}…`,
  failed: (seed: number, reason: string) => `Sample street ${seed} could not be fetched (${reason}).`,
};
