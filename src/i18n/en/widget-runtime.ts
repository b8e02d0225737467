/**
 * What any live widget may say about the page it runs in: a lost graphics device, and a page
 * older than the site (its lazy chunks gone after a redeploy).
 */
export const widgetRuntime = {
  webglLost: 'the WebGL context was lost (the graphics driver reset or the browser reclaimed it)',
  webgpuLost: (detail: string) => `the WebGPU device was lost${detail ? ` (${detail})` : ''}`,
  /** A device-loss reason as a sentence of its own. */
  lostSentence: (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`,
  stale: 'This page is older than the site: a newer version was published since it opened, and part of this widget is gone. Reload to get the new version; your settings are kept in the address. ',
  reload: 'Reload the page',
};
