/**
 * Words a Chinese page writes as an English one does: proper names, abbreviations and units.
 * What is left of a text once they are removed must have no Latin letters on a Chinese page.
 * Shared by the catalogue test and the browser test of the Chinese pages.
 */
export const SAME_IN_BOTH = [
  'Unpooled', 'SegNet-Basic', 'SegNet', 'CamVid', 'DeepLab-LargeFOV', 'DeepLab', 'DeconvNet', 'FCN-8s', 'FCN', 'VGG16',
  'TensorFlow.js', 'TF.js', 'WebGPU', 'WebGL', 'WebAssembly', 'SwiftShader', 'llvmpipe', 'wasm', 'webgpu', 'webgl', 'cpu', 'softmax', 'Softmax', 'ReLU', 'mIoU', 'IoU',
  'Badrinarayanan', 'Kendall', 'Cipolla', 'max(0, x)', 'void', 'BF', 'F1', 'arXiv', 'Caffe', 'NVIDIA Titan', 'pool1', 'pool2', 'pool3', 'pool4', 'pool5', 'fc6–7', 'px', 'ms', 'MB', 'kB', 'GB', 'fps',
];

/** A text with the names above removed: the words left to translate, if it has any. */
export function leftToTranslate(text: string): string {
  const names = [...SAME_IN_BOTH].sort((a, b) => b.length - a.length);
  return names.reduce((rest, name) => rest.split(name).join(' '), text).replace(/[^A-Za-z]+/g, ' ').trim();
}
