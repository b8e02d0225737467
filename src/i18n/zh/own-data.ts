import type { en } from '../en';

/** The splits as the Chinese pages name them (an unknown split keeps its folder name). */
const SPLITS: Record<string, string> = { train: '训练集', val: '验证集', test: '测试集' };

/** 文件种类：图像，或标注 PNG。 */
const KIND: Record<string, string> = { image: '图像', label: '标注' };
const where = (root: string): string => (root ? `“${root}”` : '所选文件');

export const ownData: (typeof en)['ownData'] = {
  importErrors: {
    'no-files': () => '没有文件：请选择（或拖入）一个装有图像和标注的文件夹',
    'no-images': (p) => `${where(p.root)}里没有图像：应当是带 train/ 和 trainannot/ 的 train.txt（SegNet-Tutorial 的目录结构），或图像加上 labels/ 文件夹里同名的标注 PNG`,
    'same-name': (p) => `有两个名为 ${p.stem} 的${KIND[p.kind]}：${p.first} 和 ${p.second}；每个${KIND[p.kind]}都需要自己的名字`,
    'image-without-label': (p) => `图像缺少标注：${p.image} 没有标注（应在 labels 文件夹里有一个名为 ${p.stem}.png 的 PNG）`,
    'label-without-image': (p) => `标注缺少图像：${p.label} 没有名为 ${p.stem} 的图像`,
    'missing-split': (p) =>
      `${where(p.root)}里没有${SPLITS[p.split] ?? p.split}的图像对：训练工作台在训练集上训练、在验证集上验证（共找到 ${p.found} 对${p.splits ? `，位于${p.splits.map((s) => SPLITS[s] ?? s).join('、')}` : '；至少需要 2 对'}）`,
    'missing-val-list': (p) => `缺少列表文件：${p.location}（带 train.txt 的 SegNet-Tutorial 文件夹也需要 val.txt：训练工作台用它来验证）`,
    'unreadable-zip': (p) => `${p.path} 不是可读取的 .zip 文件（${p.reason}）`,
    'empty-zip': (p) => `${p.path} 里没有文件`,
    'not-png': (p) => `PNG 已损坏：${KIND[p.kind]} ${p.location} 不是 PNG 文件`,
    'undecodable': (p) => `${p.png ? 'PNG' : '图像'}已损坏：${KIND[p.kind]} ${p.location} 无法解码（${p.reason}）`,
    'no-canvas': (p) => `${KIND[p.kind]} ${p.location}：这个浏览器不提供读取像素所需的 2D 画布`,
    'rgb-label': (p) => `标注 ${p.location} 是 RGB 图像（不读取按颜色编码的标注，例如 CamVid 原始的 _L.png 文件）；应为 8 位灰度的类别编号 0..${p.max}`,
    'colour-label': (p) => `标注 ${p.location} 是彩色图像（像素 ${p.x},${p.y}）；应为 8 位灰度的类别编号 0..${p.max}`,
    'label-value': (p) => `标注 ${p.location} 在像素 (${p.x}, ${p.y}) 处的值为 ${p.value}；类别编号必须在 0..${p.max} 之间`,
    'image-size': (p) => `尺寸不对：图像 ${p.image} 为 ${p.size}（高 × 宽），应为 ${p.expected}`,
    'label-size': (p) => `尺寸不对：标注 ${p.label} 为 ${p.size}（高 × 宽），而它的图像 ${p.image} 为 ${p.imageSize}`,
    'not-found': (p) => `找不到 ${p.location}`,
    'missing-list': (p) => `缺少列表文件：${p.location}`,
    'empty-list': (p) => `${p.location} 没有列出任何图像/标注对`,
    'list-path': (p) => `${p.list} 第 ${p.line} 行：路径“${p.path}”必须相对于 CamVid 文件夹，或以 ${p.prefix} 开头`,
    'list-no-label': (p) => `${p.list} 第 ${p.line} 行：图像 ${p.image} 没有标注（每行应为“图像 标注”）`,
    'list-too-many': (p) => `${p.list} 第 ${p.line} 行：每行应为“图像 标注”，却有 ${p.count} 个路径`,
    'listed-without-label': (p) => `图像缺少标注：${p.image} 没有标注，找不到 ${p.missing}（列在 ${p.list} 第 ${p.line} 行）`,
    'listed-without-image': (p) => `标注缺少图像：${p.label} 没有图像，找不到 ${p.missing}（列在 ${p.list} 第 ${p.line} 行）`,
  },
  pick: '选择文件夹',
  pickZip: '或选择压缩成 .zip 的文件夹',
  dropZone: '或把文件夹（或 .zip）拖到这里',
  dropHint: 'SegNet-Tutorial 的目录结构，或图片加上 labels/ 里同名的标注 PNG。不会上传任何文件。',
  size: '保存尺寸',
  cancel: '取消导入',
  progressLabel: '导入进度',
  reading: (files) => `正在读取 ${files} 个文件…`,
  progress: (done, total, split) => `已保存 ${done} / ${total} 对（当前：${SPLITS[split] ?? split}）。`,
  stored: (name, train, val) => `已保存 ${name}：训练 ${train} 对，验证 ${val} 对。下方训练工作台的“数据”里列出了它。`,
  failed: (reason) => `未导入：${reason}。什么都没有保存。`,
  workerStopped: '导入线程意外停止',
  cancelled: '导入已取消：什么都没有保存。',
  storageFull: (used, quota) => `浏览器给本站的存储空间已满${used && quota ? `：已用 ${used}，共 ${quota}` : ''}`,
  nothingPicked: '这个文件夹里没有本页能读取的文件。',
  listHeading: '保存在本浏览器中',
  empty: '还没有你自己的数据集。',
  entry: (name, train, val, height, width, size) => `${name}：训练 ${train}，验证 ${val}，${height} × ${width}，${size}`,
  remove: '删除',
  removeLabel: (name) => `删除 ${name}`,
  removed: (name) => `已删除 ${name}。`,
  storage: (used, quota) => `本站占用 ${used}，浏览器最多给它 ${quota}。`,
  storageUnknown: '这个浏览器没有说明能为本站保存多少数据。',
  persist: '保留我的数据',
  persisted: '浏览器会一直保留它，直到你删除。',
  notPersisted: '磁盘空间不足时，浏览器可能会清除它。',
  persistRefused: '浏览器没有承诺保留它。',
  noStorage: '这个浏览器没有给本页存储空间（也许是无痕窗口）。',
};
