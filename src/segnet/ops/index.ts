export { maxPoolWithIndices, pooledSize } from './max-pool-with-indices';
export { maxUnpool, type UnpoolShape } from './max-unpool';
export { atrousConv2d, dilatedExtent, type ConvPadding } from './atrous-conv2d';
export { resizeBilinear, interpolationMatrix } from './resize-bilinear';
