import type { en } from '../en';

export const translationDemo: (typeof en)['translationDemo'] = {
  input: '输入',
  pooled: '池化结果',
  shiftedInput: '平移后的输入',
  pooledAfterShift: '平移后的池化结果',
  pooledAfterShiftLabel: (size, changed, total) => `平移后的池化结果（${size}）：${total} 个值中有 ${changed} 个改变`,
  noShift: (total) => `没有平移：两个输入完全相同，池化结果也完全相同（${total} 个值全部不变）。`,
  shifted: (dx, dy, unchanged, total) => {
    const parts = [dx !== 0 ? `向${dx > 0 ? '右' : '左'}平移 ${Math.abs(dx)} 像素` : '', dy !== 0 ? `向${dy > 0 ? '下' : '上'}平移 ${Math.abs(dy)} 像素` : ''];
    return `输入${parts.filter(Boolean).join('、')}：${total} 个池化值中有 ${unchanged} 个在原位保持不变，${total - unchanged} 个改变（已标出）。`;
  },
  movedByWindows: (matching, comparable) =>
    `平移量恰好是整数个窗口时，池化结果会随之整体移动：窗口仍在视野内的 ${comparable} 个池化格中，有 ${matching} 个等于原图中往回一个窗口处的值。`,
  smallShift: '只要某个窗口的最大值平移后仍落在同一窗口内，这个窗口的池化值就不会变。',
  shiftRight: '向右平移',
  shiftDown: '向下平移',
  reset: '不平移',
  seed: '示例种子',
};
