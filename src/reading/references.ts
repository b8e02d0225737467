/**
 * The works the chapters build on, with links. <Cite id="..."> links a mention to its entry on
 * the references page. Titles, authors and venues stay as published in both editions.
 */
import type { Locale } from '../i18n/locales';

export interface Reference {
  /** Anchor on the references page, and the id a <Cite> names. */
  id: string;
  authors: string;
  title: string;
  /** Where and when it appeared. */
  venue: string;
  url: string;
  /** What the site takes from it, in a few words. */
  use: string;
  /** The same, for the Chinese edition (the title stays as published). */
  useZh: string;
}

export const REFERENCES: readonly Reference[] = [
  { id: 'segnet', authors: 'Vijay Badrinarayanan, Alex Kendall and Roberto Cipolla', title: 'SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation', venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence 39(12), 2017; arXiv:1511.00561', url: 'https://arxiv.org/abs/1511.00561', use: 'the architecture, SegNet-Basic, and every paper number quoted here (Tables 1, 3 and 6)', useZh: 'SegNet 的结构、SegNet-Basic，以及本站引用的所有论文数据（表 1、表 3 和表 6）' },
  { id: 'fcn', authors: 'Jonathan Long, Evan Shelhamer and Trevor Darrell', title: 'Fully Convolutional Networks for Semantic Segmentation', venue: 'CVPR 2015; arXiv:1411.4038', url: 'https://arxiv.org/abs/1411.4038', use: 'classifiers made fully convolutional, learnt upsampling and skip connections (chapter 2)', useZh: '把分类网络改成全卷积网络、可学习的上采样和跳跃连接（第 2 章）' },
  { id: 'deconvnet', authors: 'Hyeonwoo Noh, Seunghoon Hong and Bohyung Han', title: 'Learning Deconvolution Network for Semantic Segmentation', venue: 'ICCV 2015; arXiv:1505.04366', url: 'https://arxiv.org/abs/1505.04366', use: 'unpooling followed by learnt deconvolution, with a fully connected bottleneck (chapter 6)', useZh: '反池化之后接可学习的反卷积，中间带全连接瓶颈（第 6 章）' },
  { id: 'deeplab', authors: 'Liang-Chieh Chen, George Papandreou, Iasonas Kokkinos, Kevin Murphy and Alan L. Yuille', title: 'Semantic Image Segmentation with Deep Convolutional Nets and Fully Connected CRFs', venue: 'ICLR 2015; arXiv:1412.7062', url: 'https://arxiv.org/abs/1412.7062', use: 'atrous convolution and DeepLab-LargeFOV (chapter 6)', useZh: '空洞卷积与 DeepLab-LargeFOV（第 6 章）' },
  { id: 'camvid', authors: 'Gabriel J. Brostow, Julien Fauqueur and Roberto Cipolla', title: 'Semantic Object Classes in Video: A High-Definition Ground Truth Database', venue: 'Pattern Recognition Letters 30(2), 2009', url: 'https://doi.org/10.1016/j.patrec.2008.04.005', use: 'the CamVid road scenes and their classes (chapter 1)', useZh: 'CamVid 道路场景及其类别（第 1 章）' },
  { id: 'checkerboard', authors: 'Augustus Odena, Vincent Dumoulin and Chris Olah', title: 'Deconvolution and Checkerboard Artifacts', venue: 'Distill, 2016', url: 'https://distill.pub/2016/deconv-checkerboard/', use: 'why uneven overlap of transposed convolutions leaves checkerboards (chapter 2)', useZh: '转置卷积重叠不均为何留下棋盘格伪影（第 2 章）' },
  { id: 'batchnorm', authors: 'Sergey Ioffe and Christian Szegedy', title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift', venue: 'ICML 2015; arXiv:1502.03167', url: 'https://arxiv.org/abs/1502.03167', use: 'batch normalisation after every convolution (chapter 4)', useZh: '每个卷积之后的批量归一化（第 4 章）' },
  { id: 'vgg', authors: 'Karen Simonyan and Andrew Zisserman', title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition', venue: 'ICLR 2015; arXiv:1409.1556', url: 'https://arxiv.org/abs/1409.1556', use: 'VGG16, whose thirteen convolutions are SegNet’s encoder (chapters 2 and 3)', useZh: 'VGG16：它的十三个卷积层就是 SegNet 的编码器（第 2、3 章）' },
];

/** The reference of an id; throws naming the id when there is none (a typo in an MDX <Cite>). */
export function reference(id: string): Reference {
  const entry = REFERENCES.find((r) => r.id === id);
  if (!entry) throw new Error(`no reference "${id}" (src/reading/references.ts)`);
  return entry;
}

/** What the site takes from a work, in a language. */
export function referenceUse(entry: Reference, locale: Locale): string {
  return locale === 'zh' ? entry.useZh : entry.use;
}
