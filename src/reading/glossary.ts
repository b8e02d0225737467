/**
 * The glossary: every term a chapter introduces, defined in a sentence or two, with the chapter
 * that explains it, in English and in Chinese. <Term id="..."> links a term's first use in a
 * chapter here; the glossary pages of both editions list them all.
 */
import type { Locale } from '../i18n/locales';

/** A term and its definition in one language. */
export interface GlossaryText {
  term: string;
  definition: string;
}

export interface GlossaryEntry extends GlossaryText {
  /** Anchor on the glossary page, and the id a <Term> names. */
  id: string;
  /** The term as Chinese deep-learning texts name it, and its definition written for them. */
  zh: GlossaryText;
  /** Id of the chapter that introduces the term (see src/components/chapter-id.ts). */
  chapter: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'semantic-segmentation', term: 'Semantic segmentation', chapter: 'pixels', definition: 'Giving every pixel of an image a class, such as road, car or sky. Pixels of the same class share a label whether they belong to one object or several.', zh: { term: '语义分割', definition: '为图像中的每个像素分配一个类别，例如道路、汽车或天空。同一类别的像素共用一个标签，不管它们属于同一个物体还是几个物体。' } },
  { id: 'label-map', term: 'Label map', chapter: 'pixels', definition: 'An image as large as the input in which each pixel holds a class instead of a colour: the output of semantic segmentation, or its ground truth.', zh: { term: '标签图', definition: '与输入图像同样大小的一张图，每个像素存的不是颜色而是类别：语义分割的输出，或者它的真实标注。' } },
  { id: 'void', term: 'Void', chapter: 'pixels', definition: 'The label of pixels that carry no class (in CamVid, those the annotators left unassigned). Training ignores them and no score counts them.', zh: { term: '未标注（void）', definition: '不属于任何类别的像素所带的标签（在 CamVid 中是标注者没有归类的像素）。训练时忽略它们，任何评分也都不计入。' } },
  { id: 'softmax', term: 'Softmax', chapter: 'pixels', definition: 'The function that turns a vector of scores into probabilities that are positive and add up to one; the largest score gets the largest probability.', zh: { term: 'Softmax 函数', definition: '把一组得分变成概率的函数：每个概率都是正数，加起来等于一，得分最高的类别概率也最大。' } },
  { id: 'fully-connected-layer', term: 'Fully connected layer', chapter: 'fully-convolutional', definition: 'A layer with one weight for every pair of input and output numbers. Its input length is fixed when it is built, and it discards where in the image a feature was.', zh: { term: '全连接层', definition: '每个输入与每个输出之间都有一个权重的层。它的输入长度在建网时就固定了，而且会丢掉特征在图像中的位置。' } },
  { id: 'fully-convolutional-network', term: 'Fully convolutional network (FCN)', chapter: 'fully-convolutional', definition: 'A network made only of convolutions and poolings, so that it accepts images of any size and answers with a map of predictions instead of one answer.', zh: { term: '全卷积网络（FCN）', definition: '只由卷积和池化构成的网络，因此可以接受任意尺寸的图像，输出的是一张预测图，而不是单一的答案。' } },
  { id: 'one-by-one-convolution', term: '1 × 1 convolution', chapter: 'fully-convolutional', definition: 'A convolution that mixes the channels at each position separately: the same matrix applied to the feature vector of every pixel, for example to turn features into class scores.', zh: { term: '1 × 1 卷积', definition: '在每个位置上单独混合各通道的卷积：对每个像素的特征向量乘上同一个矩阵，例如把特征变成各类别的得分。' } },
  { id: 'transposed-convolution', term: 'Transposed convolution', chapter: 'fully-convolutional', definition: 'A learnt upsampling layer: every input cell adds its value times the kernel onto the output, stride cells apart. Often called deconvolution.', zh: { term: '转置卷积', definition: '一种可学习的上采样层：每个输入单元把自己的值乘以卷积核，叠加到输出上，相邻输入之间相隔步长个单元。常被称为反卷积。' } },
  { id: 'checkerboard-artefacts', term: 'Checkerboard artefacts', chapter: 'fully-convolutional', definition: 'A regular pattern left by a transposed convolution whose kernel size is not a multiple of its stride, because neighbouring output cells receive different numbers of stamps.', zh: { term: '棋盘格伪影', definition: '卷积核尺寸不是步长整数倍的转置卷积留下的规则花纹：相邻的输出单元被叠加的次数不一样多。' } },
  { id: 'skip-connection', term: 'Skip connection', chapter: 'fully-convolutional', definition: 'A path that carries an earlier, finer layer’s output past the coarse layers to the decoder, which adds or joins it to bring back detail.', zh: { term: '跳跃连接', definition: '把较早、较精细的层的输出绕过粗糙的层直接送到解码器的通路，解码器将它相加或拼接进来，找回细节。' } },
  { id: 'encoder', term: 'Encoder', chapter: 'architecture', definition: 'The first half of a segmentation network: convolutions and poolings that turn the image into small feature maps saying what is in each region.', zh: { term: '编码器', definition: '分割网络的前半部分：一系列卷积和池化，把图像变成尺寸很小的特征图，说明每个区域里有什么。' } },
  { id: 'decoder', term: 'Decoder', chapter: 'architecture', definition: 'The second half: layers that turn the encoder’s small maps back into maps as large as the input, for the pixel-wise classifier.', zh: { term: '解码器', definition: '分割网络的后半部分：把编码器输出的小特征图还原成与输入同样大小的特征图，交给像素级分类器。' } },
  { id: 'pooling-indices', term: 'Pooling indices', chapter: 'architecture', definition: 'For every 2 × 2 max-pooling window, which of its four cells held the maximum: two bits in principle, a 32-bit integer as frameworks hold it. SegNet’s decoder unpools with them.', zh: { term: '最大池化索引', definition: '每个 2 × 2 最大池化窗口中，四个单元里哪一个是最大值：原则上只需 2 比特，框架里通常存成一个 32 位整数。SegNet 的解码器用它来反池化。' } },
  { id: 'receptive-field', term: 'Receptive field', chapter: 'architecture', definition: 'The patch of the input image that one value of a feature map depends on. Pooling and dilation make it grow.', zh: { term: '感受野', definition: '特征图上一个值所依赖的输入图像区域。池化和膨胀都会让它变大。' } },
  { id: 'batch-normalisation', term: 'Batch normalisation', chapter: 'encoder-stage', definition: 'Normalising each channel by its mean and standard deviation over a batch, then applying a learnt scale and shift; it makes training far less sensitive to initial weights and learning rate.', zh: { term: '批量归一化', definition: '按一个批次内的均值和标准差对每个通道做归一化，再乘上可学习的缩放、加上可学习的偏移；训练因此对初始权重和学习率不再那么敏感。' } },
  { id: 'relu', term: 'ReLU', chapter: 'encoder-stage', definition: 'The rectified linear unit, max(0, x): it keeps positive values, sets negative ones to zero, and makes a stack of convolutions more than one linear filter.', zh: { term: 'ReLU（线性整流函数）', definition: '线性整流单元 max(0, x)：正值保留，负值置零；有了它，层层堆叠的卷积才不只是一个线性滤波器。' } },
  { id: 'max-pooling', term: 'Max pooling', chapter: 'encoder-stage', definition: 'Replacing each window of a feature map (here 2 × 2, stride 2) with its largest value, halving height and width.', zh: { term: '最大池化', definition: '用特征图每个窗口（这里是 2 × 2、步长 2）中的最大值代替整个窗口，高和宽都减半。' } },
  { id: 'unpooling', term: 'Unpooling', chapter: 'unpooling', definition: 'SegNet’s upsampling: a map twice the size, filled with zeros, with every pooled value written back at the position its index recorded. It has no weights.', zh: { term: '反池化', definition: 'SegNet 的上采样方式：先准备一张尺寸加倍、全是零的特征图，再把每个池化后的值写回索引记下的位置。这一步没有任何权重。' } },
  { id: 'atrous-convolution', term: 'Atrous (dilated) convolution', chapter: 'atrous', definition: 'A convolution whose taps are spaced rate pixels apart, so that a small kernel covers a wide patch without pooling and without more weights.', zh: { term: '空洞卷积（膨胀卷积）', definition: '采样点之间相隔膨胀系数个像素的卷积。小卷积核因此能覆盖大片区域，既不用池化，也不增加权重。' } },
  { id: 'boundary-f1', term: 'Boundary F1 score (BF)', chapter: 'why-it-matters', definition: 'The harmonic mean of boundary precision and recall: how many predicted boundary pixels lie within a small tolerance of a true boundary of the same class, and the reverse; averaged over the classes of a frame.', zh: { term: '边界 F1 分数（BF）', definition: '边界精确率与召回率的调和平均：预测的边界像素有多少落在同类真实边界的容差范围内，反过来亦然；再对一帧图像中的各类别取平均。' } },
  { id: 'miou', term: 'Mean intersection over union (mIoU)', chapter: 'why-it-matters', definition: 'For each class, the overlap of predicted and true regions divided by their union, averaged over the classes.', zh: { term: '平均交并比（mIoU）', definition: '对每个类别，用预测区域与真实区域的交集除以它们的并集，再对所有类别取平均。' } },
  { id: 'class-weights', term: 'Class weights', chapter: 'train-it-yourself', definition: 'Factors that make the loss of rare classes count more in training. SegNet uses median-frequency balancing: a class’s weight is the median class frequency divided by its own.', zh: { term: '类别权重', definition: '让稀有类别的损失在训练中占更大比重的系数。SegNet 采用中值频率平衡：某类别的权重等于各类别频率的中位数除以它自己的频率。' } },
];

/** The entry of an id; throws naming the id when there is none (a typo in an MDX <Term>). */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = GLOSSARY.find((e) => e.id === id);
  if (!entry) throw new Error(`no glossary entry "${id}" (src/reading/glossary.ts)`);
  return entry;
}

/** An entry's term and definition in a language. */
export function glossaryText(entry: GlossaryEntry, locale: Locale): GlossaryText {
  return locale === 'zh' ? entry.zh : { term: entry.term, definition: entry.definition };
}
